-- Dossier schema version 1: employee dossiers, their records, the audit log and settings.

CREATE TABLE employees (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE CHECK (length(number) BETWEEN 1 AND 20),
    first_name TEXT NOT NULL CHECK (length(first_name) > 0),
    last_name TEXT NOT NULL CHECK (length(last_name) > 0),
    preferred_name TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL CHECK (sex IN ('f', 'm', 'x', 'u')),
    birth_date TEXT CHECK (birth_date IS NULL OR date(birth_date) = birth_date),
    birth_place TEXT NOT NULL DEFAULT '',
    nationality TEXT NOT NULL DEFAULT '',
    rrn TEXT UNIQUE CHECK (rrn IS NULL OR (length(rrn) = 11 AND rrn NOT GLOB '*[^0-9]*')),
    street TEXT NOT NULL DEFAULT '',
    house_number TEXT NOT NULL DEFAULT '',
    box_nr TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    municipality TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT 'BE' CHECK (length(country) = 2),
    phone TEXT NOT NULL DEFAULT '',
    email_private TEXT NOT NULL DEFAULT '',
    email_work TEXT NOT NULL DEFAULT '',
    iban TEXT CHECK (iban IS NULL OR length(iban) BETWEEN 15 AND 34),
    language TEXT NOT NULL CHECK (language IN ('nl', 'fr', 'en', 'de')),
    marital_status TEXT NOT NULL CHECK (marital_status IN
        ('single', 'married', 'legal_cohabitant', 'cohabiting', 'divorced', 'widowed')),
    children_in_charge INTEGER NOT NULL DEFAULT 0 CHECK (children_in_charge BETWEEN 0 AND 20),
    department TEXT NOT NULL DEFAULT '',
    job_title TEXT NOT NULL DEFAULT '',
    manager_id INTEGER REFERENCES employees(id) ON DELETE SET NULL CHECK (manager_id IS NULL OR manager_id <> id),
    category TEXT NOT NULL CHECK (category IN
        ('white_collar', 'blue_collar', 'student', 'flexi', 'intern', 'agency')),
    joint_committee TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL CHECK (date(start_date) = start_date),
    seniority_date TEXT NOT NULL CHECK (date(seniority_date) = seniority_date AND seniority_date <= start_date),
    status TEXT NOT NULL CHECK (status IN ('hired', 'active', 'long_absence', 'left')),
    end_date TEXT CHECK (end_date IS NULL OR (date(end_date) = end_date AND end_date >= start_date)),
    ended_by TEXT CHECK (ended_by IS NULL OR ended_by IN ('employer', 'employee', 'mutual', 'end_of_term', 'other')),
    departure_reason TEXT NOT NULL DEFAULT '',
    notice_weeks INTEGER CHECK (notice_weeks IS NULL OR notice_weeks BETWEEN 0 AND 104),
    -- Folded keys (lower case, no accents) written by the store: sorting and accent-insensitive search.
    sort_name TEXT NOT NULL,
    search_key TEXT NOT NULL,
    CHECK ((status = 'left') = (end_date IS NOT NULL AND ended_by IS NOT NULL))
);

CREATE INDEX employees_by_name ON employees (sort_name, id);
CREATE INDEX employees_by_department ON employees (department, id);
CREATE INDEX employees_by_job ON employees (job_title, id);
CREATE INDEX employees_by_start ON employees (start_date, id);
CREATE INDEX employees_by_status ON employees (status, id);
CREATE INDEX employees_by_manager ON employees (manager_id);

-- Trigram index on the folded key: substring search ("celine", "bois", "E00") without scanning rows.
CREATE VIRTUAL TABLE employees_fts USING fts5 (
    search_key, content = 'employees', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER employees_fts_insert AFTER INSERT ON employees BEGIN
    INSERT INTO employees_fts (rowid, search_key) VALUES (new.id, new.search_key);
END;
CREATE TRIGGER employees_fts_delete AFTER DELETE ON employees BEGIN
    INSERT INTO employees_fts (employees_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
CREATE TRIGGER employees_fts_update AFTER UPDATE OF search_key ON employees BEGIN
    INSERT INTO employees_fts (employees_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
    INSERT INTO employees_fts (rowid, search_key) VALUES (new.id, new.search_key);
END;

CREATE TABLE contracts (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN
        ('indefinite', 'fixed_term', 'specific_work', 'replacement', 'student', 'interim')),
    start_date TEXT NOT NULL CHECK (date(start_date) = start_date),
    end_date TEXT CHECK (end_date IS NULL OR (date(end_date) = end_date AND end_date >= start_date)),
    weekly_minutes INTEGER NOT NULL CHECK (weekly_minutes > 0),
    full_time_minutes INTEGER NOT NULL CHECK (full_time_minutes > 0),
    schedule TEXT NOT NULL DEFAULT '',
    gross_monthly_cents INTEGER CHECK (gross_monthly_cents IS NULL OR gross_monthly_cents >= 0),
    workplace TEXT NOT NULL DEFAULT '',
    signed_on TEXT CHECK (signed_on IS NULL OR date(signed_on) = signed_on),
    CHECK (end_date IS NOT NULL OR kind NOT IN ('fixed_term', 'student', 'interim'))
);
CREATE INDEX contracts_by_employee ON contracts (employee_id, start_date);

CREATE TABLE emergency_contacts (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) > 0),
    relation TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT ''
);
CREATE INDEX emergency_contacts_by_employee ON emergency_contacts (employee_id);

CREATE TABLE dependants (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) > 0),
    relation TEXT NOT NULL CHECK (relation IN ('partner', 'child', 'parent', 'other')),
    birth_date TEXT CHECK (birth_date IS NULL OR date(birth_date) = birth_date),
    in_charge INTEGER NOT NULL CHECK (in_charge IN (0, 1)),
    disabled INTEGER NOT NULL CHECK (disabled IN (0, 1))
);
CREATE INDEX dependants_by_employee ON dependants (employee_id);

CREATE TABLE job_changes (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    effective TEXT NOT NULL CHECK (date(effective) = effective),
    department TEXT NOT NULL DEFAULT '',
    job_title TEXT NOT NULL DEFAULT '',
    manager_id INTEGER REFERENCES employees(id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX job_changes_by_employee ON job_changes (employee_id, effective);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('id_card', 'work_permit', 'diploma', 'signed_contract',
        'work_rules_receipt', 'medical_fitness', 'driving_licence', 'other')),
    title TEXT NOT NULL DEFAULT '',
    original_name TEXT NOT NULL,
    stored_name TEXT NOT NULL UNIQUE,
    dated TEXT CHECK (dated IS NULL OR date(dated) = dated),
    expires TEXT CHECK (expires IS NULL OR date(expires) = expires),
    added_on TEXT NOT NULL CHECK (date(added_on) = added_on)
);
CREATE INDEX documents_by_employee ON documents (employee_id);
CREATE INDEX documents_by_expiry ON documents (expires) WHERE expires IS NOT NULL;

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    written_on TEXT NOT NULL CHECK (date(written_on) = written_on),
    author TEXT NOT NULL DEFAULT '',
    confidential INTEGER NOT NULL CHECK (confidential IN (0, 1)),
    text TEXT NOT NULL CHECK (length(text) > 0)
);
CREATE INDEX notes_by_employee ON notes (employee_id, written_on);

-- Append-only, hash-chained: each row's hash covers its content and the previous row's hash.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    employee_id INTEGER,
    action TEXT NOT NULL,
    old TEXT,
    new TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_by_employee ON audit (employee_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
