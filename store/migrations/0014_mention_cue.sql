-- 0014: the cue the tagger found for each mention's name in its article
-- (ner.Entity.Cue: the type the article's context gives the name, "the
-- comedy Sideways" MISC, "oil firm Rosneft" ORG, "striker Wayne Rooney"
-- PERSON, "in Cardiff" PLACE, "a PC" COMMON), evidence the archive-level
-- resolution weighs above the tagged types (app/tagging, resolve.go). ''
-- for none, and for mentions written by older versions or merges.
ALTER TABLE mentions ADD COLUMN tag_cue TEXT NOT NULL DEFAULT '';
