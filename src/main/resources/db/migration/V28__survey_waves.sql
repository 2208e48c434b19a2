-- Waves of a repeated survey (issue 17 §4): a wave is a survey of its own (own responses, own running counts, own
-- suppression), copied from an earlier wave with its structure, codes and translations, so its results can stand
-- beside the earlier waves' by code. series_id is the id of the series' first survey; a survey that was never
-- repeated has no row. Wave numbers are unique within a series (a new wave takes the row lock of the first survey).
CREATE TABLE survey_wave (
    survey_id    BIGINT  NOT NULL PRIMARY KEY,
    series_id    BIGINT  NOT NULL,
    wave_number  INT     NOT NULL,
    CONSTRAINT uq_survey_wave_number UNIQUE (series_id, wave_number),
    CONSTRAINT fk_survey_wave_survey FOREIGN KEY (survey_id) REFERENCES survey (id),
    CONSTRAINT fk_survey_wave_series FOREIGN KEY (series_id) REFERENCES survey (id)
);
