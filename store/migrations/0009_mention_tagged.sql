-- 0012: what the tagger said about each mention (its name and type after the
-- user's rules), kept beside the entity the archive resolved it to. The
-- archive decides one type per name over all its mentions and joins short
-- person names to full ones (app/tagging, resolve.go); these columns are the
-- evidence it re-decides from as the archive grows. '' for mentions written
-- by older versions or merges: their entity's name and type stand in.
ALTER TABLE mentions ADD COLUMN tag_name TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN tag_type TEXT NOT NULL DEFAULT '';
UPDATE mentions SET tag_name = (SELECT name FROM entities WHERE id = mentions.entity_id),
    tag_type = (SELECT type FROM entities WHERE id = mentions.entity_id);
CREATE INDEX mentions_tag_name ON mentions (tag_name);
