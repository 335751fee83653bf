-- 0002: entities, their aliases and mentions, per-article tagging state, and
-- the user's corrections, kept as rules that every re-tag applies again.
CREATE TABLE entities (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL CHECK (type IN ('PERSON', 'ORG', 'PLACE', 'MISC')),
    confirmed INTEGER NOT NULL DEFAULT 0,  -- named or typed by a user correction
    articles  INTEGER NOT NULL DEFAULT 0,  -- articles mentioning it (kept current with mentions)
    mentions  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (name, type)
);
CREATE INDEX entities_type_articles ON entities (type, articles DESC);
CREATE INDEX entities_articles ON entities (articles DESC);

CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_alias ON entity_aliases (alias COLLATE NOCASE);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,  -- byte offsets into articles.body, end exclusive
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    CHECK (start >= 0 AND end > start)
);
CREATE INDEX mentions_article ON mentions (article_id, start);
CREATE INDEX mentions_entity ON mentions (entity_id, article_id);

CREATE TABLE tagging (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    model      TEXT NOT NULL DEFAULT '',
    tagged_at  TEXT NOT NULL DEFAULT '',
    error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tagging_pending ON tagging (state, article_id);
INSERT INTO tagging (article_id) SELECT id FROM articles;
CREATE TRIGGER articles_tagging_insert AFTER INSERT ON articles BEGIN
    INSERT INTO tagging (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_tagging_body AFTER UPDATE OF body ON articles BEGIN
    UPDATE tagging SET state = 'pending' WHERE article_id = new.id;
END;

CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('rename', 'retype', 'merge', 'split', 'reject', 'add')),
    name        TEXT NOT NULL,              -- the entity or alias the rule is about
    type        TEXT NOT NULL DEFAULT '',
    target      TEXT NOT NULL DEFAULT '',   -- rename: new name; merge: entity merged into
    target_type TEXT NOT NULL DEFAULT '',
    article_id  INTEGER REFERENCES articles (id) ON DELETE CASCADE,  -- NULL: everywhere
    created_at  TEXT NOT NULL
);
