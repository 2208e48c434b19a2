-- Running counts behind the results view and the workbook's Summary, kept in the submit transaction so a refresh
-- reads a few hundred rows instead of every response (issue 15 §1; docs/performance.md "Survey results").
-- One row per (filter, question code, facet, value): filter_code/filter_value '' = all responses, else the
-- responses whose answer to filter_code holds filter_value (an option code, or a country code). Facets:
-- T total responses (question_code ''), A answered, M shown but left empty, X answered with a text,
-- O chosen option (value_key = option code), N number (value_key = BigDecimal.toString of the stripped number),
-- C country (value_key = country code). "Not shown" is T - A - M.
-- The row (survey_id, '', '', '', 'T', '') says the counts of that survey are complete; a survey without it is
-- counted once from its responses on the first read (ResponseStore.rebuildTally), under the survey's row lock.
-- Counts only: no answer text, no time, nothing that tells one response from another beyond what results show.
CREATE TABLE survey_result_count (
    survey_id       BIGINT       NOT NULL,
    filter_code     VARCHAR(40)  NOT NULL,
    filter_value    VARCHAR(40)  NOT NULL,
    question_code   VARCHAR(40)  NOT NULL,
    facet           VARCHAR(1)   NOT NULL,
    value_key       VARCHAR(40)  NOT NULL,
    response_count  BIGINT       NOT NULL,
    PRIMARY KEY (survey_id, filter_code, filter_value, question_code, facet, value_key),
    CONSTRAINT fk_survey_result_count_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
);
