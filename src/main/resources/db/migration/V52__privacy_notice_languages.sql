-- The privacy notice per language. privacy_notice.body stays the English text, which every version has and
-- which applies wherever a language has no text of its own; other languages (de, ru) are optional rows here.
CREATE TABLE privacy_notice_translation (
    notice_id   BIGINT      NOT NULL,
    language    VARCHAR(10) NOT NULL,
    body        TEXT        NOT NULL,
    CONSTRAINT pk_privacy_notice_translation PRIMARY KEY (notice_id, language),
    CONSTRAINT fk_privacy_notice_translation_notice FOREIGN KEY (notice_id) REFERENCES privacy_notice (id)
);
