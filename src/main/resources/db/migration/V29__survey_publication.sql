-- Published results of a closed survey (issue 17 §4): one public link per survey while published. The slug is a
-- random 144-bit value (24 base64url characters), unguessable; it names only already suppressed, published counts,
-- so it is kept as it is (an analyst can copy the link again). Unpublishing deletes the row: the link is gone at once,
-- and publishing again makes a new slug, so an old link never comes back. Who and when are in the audit log too.
CREATE TABLE survey_publication (
    survey_id     BIGINT        NOT NULL PRIMARY KEY,
    slug          VARCHAR(40)   NOT NULL,
    published_at  DATETIME(6)   NOT NULL,
    published_by  VARCHAR(200)  NOT NULL,
    CONSTRAINT uq_survey_publication_slug UNIQUE (slug),
    CONSTRAINT fk_survey_publication_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
);
