-- 0008: what the tagger said about each mention (its name and type after the
-- user's rules), kept beside the entity the archive resolved it to; see the
-- SQLite migration 0012.
ALTER TABLE mentions ADD COLUMN tag_name TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN tag_type TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE mentions SET tag_name = e.name, tag_type = e.type FROM entities e WHERE e.id = mentions.entity_id;
CREATE INDEX mentions_tag_name ON mentions (tag_name);
