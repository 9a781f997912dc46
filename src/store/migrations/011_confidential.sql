-- The confidential area: disciplinary measures, grievances and medical notes, behind a second
-- unlock (a PIN or passphrase). Their audit rows keep only a salted digest of the payload, never
-- the facts themselves (see Tx::audit_sealed).

-- The PIN, set once (changed only with the current one): PBKDF2-HMAC-SHA256, never the PIN itself.
CREATE TABLE confidential_pin (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    iterations INTEGER NOT NULL CHECK (iterations >= 1),
    salt TEXT NOT NULL,
    hash TEXT NOT NULL,
    set_at TEXT NOT NULL
);

-- Warnings and sanctions with their procedure: the facts, the hearing, the decision and letters.
CREATE TABLE disciplinary_measures (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('oral_warning', 'written_warning', 'reprimand', 'fine',
        'suspension', 'dismissal_serious_cause', 'other')),
    facts_on TEXT NOT NULL CHECK (date(facts_on) = facts_on),
    facts TEXT NOT NULL CHECK (length(facts) > 0),
    hearing_on TEXT CHECK (hearing_on IS NULL OR date(hearing_on) = hearing_on),
    heard_by TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '',
    decided_on TEXT CHECK (decided_on IS NULL OR date(decided_on) = decided_on),
    letters TEXT NOT NULL DEFAULT ''
);
CREATE INDEX disciplinary_by_employee ON disciplinary_measures (employee_id, facts_on);

CREATE TABLE grievances (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    received_on TEXT NOT NULL CHECK (date(received_on) = received_on),
    subject TEXT NOT NULL CHECK (length(subject) > 0),
    text TEXT NOT NULL DEFAULT '',
    handled_by TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    closed_on TEXT CHECK (closed_on IS NULL OR date(closed_on) = closed_on)
);
CREATE INDEX grievances_by_employee ON grievances (employee_id, received_on);

CREATE TABLE medical_notes (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    written_on TEXT NOT NULL CHECK (date(written_on) = written_on),
    source TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL CHECK (length(text) > 0)
);
CREATE INDEX medical_notes_by_employee ON medical_notes (employee_id, written_on);
