-- Responses are listed and exported in a random order fixed at submission, never by their AUTO_INCREMENT id:
-- the id follows submission order, so listing by it would let someone who knows roughly when a colleague answered
-- pick out that colleague's row. New responses get a SecureRandom key in [0, 9e18) from the application
-- (ResponseStore), existing ones get a random key from the same range here. Ties are broken by id.
ALTER TABLE survey_response ADD COLUMN sort_key BIGINT NULL;
UPDATE survey_response SET sort_key = FLOOR(RAND() * 9000000000000000000);
ALTER TABLE survey_response MODIFY sort_key BIGINT NOT NULL;
CREATE INDEX ix_survey_response_sort ON survey_response (survey_id, sort_key, id);
