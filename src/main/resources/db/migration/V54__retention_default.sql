-- An edition without retention periods falls under the default period (ngo.privacy.default-retention); the purge
-- job then keeps its bookkeeping in a row whose periods are NULL ("not set: the default applies").
ALTER TABLE edition_retention MODIFY special_days INT NULL;
ALTER TABLE edition_retention MODIFY details_days INT NULL;
