-- Survey content in several languages (issue 17 §1). The survey's own texts (title, pages, questions, options) are
-- its base language; further languages are translations of those texts, kept per (survey, language, text key) apart
-- from the versioned structure, so a translation fix never makes a new structure version. A text key names a text
-- by the structure's stable codes (e.g. q.<code>.text, q.<code>.option.<option code>, section.<n>.title), see
-- survey.SurveyTexts. source_hash is the SHA-256 of the base text the translation was made from: when the base text
-- changes the translation counts as outdated (not complete) and respondents see the base text instead.
-- Existing surveys were written in English (the seed and every survey so far), hence the default 'en'.
ALTER TABLE survey ADD COLUMN base_language VARCHAR(8) NOT NULL DEFAULT 'en';

CREATE TABLE survey_language (
    survey_id  BIGINT      NOT NULL,
    language   VARCHAR(8)  NOT NULL,
    fallback   BOOLEAN     NOT NULL,
    PRIMARY KEY (survey_id, language),
    CONSTRAINT fk_survey_language_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
);

CREATE TABLE survey_translation (
    survey_id    BIGINT         NOT NULL,
    language     VARCHAR(8)     NOT NULL,
    text_key     VARCHAR(100)   NOT NULL,
    text_value   VARCHAR(4000)  NOT NULL,
    source_hash  VARCHAR(64)    NOT NULL,
    PRIMARY KEY (survey_id, language, text_key),
    CONSTRAINT fk_survey_translation_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
);

-- The language a response was given in (NULL: before V24, the base language). Answers are stored by code, so
-- responses in every language pool in results; the language is never a result count's key.
ALTER TABLE survey_response ADD COLUMN language VARCHAR(8) NULL;
