-- Privacy: a former employee's personal data can be erased once the retention period is over.
--
-- Audit chain, second form: a row's hash covers a salted digest of its payload (old and new values)
-- instead of the payload itself. Erasing a person empties the payload and the salt of their rows
-- and keeps the digest, so the chain still verifies every row (time, record, action, order,
-- digest) while nothing personal is left. The salt makes the digest useless for guessing the
-- erased values. Rows written before this version keep the first form (hash over the payload).
ALTER TABLE audit ADD COLUMN salt TEXT;
ALTER TABLE audit ADD COLUMN digest TEXT;
ALTER TABLE audit ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1));

-- Still append-only; the one change allowed is emptying a row's payload for an erasure.
DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NOT (new.redacted = 1 AND new.old IS NULL AND new.new IS NULL AND new.salt IS NULL
    AND new.id = old.id AND new.at = old.at AND new.entity = old.entity
    AND new.entity_id = old.entity_id AND new.employee_id IS old.employee_id
    AND new.action = old.action AND new.prev_hash = old.prev_hash AND new.hash = old.hash
    AND new.digest IS old.digest)
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;

-- What is left of an erased person: enough for statistics, nothing that identifies them.
CREATE TABLE erased_people (
    id INTEGER PRIMARY KEY,
    erased_on TEXT NOT NULL CHECK (date(erased_on) = erased_on),
    sex TEXT NOT NULL,
    birth_year INTEGER,
    category TEXT NOT NULL,
    joint_committee TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL CHECK (date(start_date) = start_date),
    end_date TEXT CHECK (end_date IS NULL OR date(end_date) = end_date),
    ended_by TEXT,
    -- Erased before the end of the retention period (with the reason in the audit log).
    forced INTEGER NOT NULL CHECK (forced IN (0, 1))
);
