-- Conditions over several earlier questions combined with AND/OR (issue 17): a question's condition is kept as one
-- JSON text (design.ConditionJson) instead of one question code and its option codes. Each existing condition becomes
-- the same test as one clause, "the question has one of these options"; codes are [a-z][a-z0-9_]*, so need no escaping.
ALTER TABLE survey_question ADD COLUMN condition_rule VARCHAR(4000) NULL;

UPDATE survey_question
   SET condition_rule = CONCAT('{"join":"ALL","clauses":[{"questionCode":"', condition_question,
                               '","operator":"ONE_OF","optionCodes":["', REPLACE(condition_options, ',', '","'),
                               '"],"value":null}]}')
 WHERE condition_question IS NOT NULL;

ALTER TABLE survey_question DROP COLUMN condition_question;
ALTER TABLE survey_question DROP COLUMN condition_options;
