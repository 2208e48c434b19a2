-- Matrix and ranking questions (issue 17 §2). Portable between MariaDB and H2 in MariaDB mode.
-- A matrix rates rows on the question's shared options (survey_option): its rows have stable codes like options.
-- A ranking orders the question's options: each option is stored once with its rank in number_value (1 = first).
ALTER TABLE survey_question ADD COLUMN multiple_per_row BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE survey_matrix_row (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    question_id  BIGINT       NOT NULL,
    sort_order   INT          NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    label        VARCHAR(300) NOT NULL,
    CONSTRAINT uk_survey_matrix_row_code UNIQUE (question_id, code),
    CONSTRAINT fk_survey_matrix_row_question FOREIGN KEY (question_id) REFERENCES survey_question (id)
);

-- A matrix answer is one row per (matrix row, chosen option): row_code names the matrix row, option_code the option.
-- NULL for every other question type.
ALTER TABLE survey_answer ADD COLUMN row_code VARCHAR(40) NULL;
ALTER TABLE survey_draft_answer ADD COLUMN row_code VARCHAR(40) NULL;

-- Running counts of a matrix cell or a ranked place are keyed by two codes (row/option, option/rank): up to 81
-- characters, so the value key widens.
ALTER TABLE survey_result_count MODIFY COLUMN value_key VARCHAR(100) NOT NULL;
