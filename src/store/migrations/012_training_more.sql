-- Dossier schema: the period an employee wants a requested course in (issue 6, second part). Both
-- optional; the Today list uses the start to decide when the request must be answered.

ALTER TABLE training_requests ADD COLUMN wanted_from TEXT
    CHECK (wanted_from IS NULL OR date(wanted_from) = wanted_from);
ALTER TABLE training_requests ADD COLUMN wanted_to TEXT
    CHECK (wanted_to IS NULL OR (date(wanted_to) = wanted_to AND (wanted_from IS NULL OR wanted_to >= wanted_from)));
