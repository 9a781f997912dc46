-- Dossier schema: monthly payroll variables. Hand entries per person and month, each export with
-- the lines it sent (so a later change shows as correction lines), and each person's commuting distance.

-- `quantity` is in the item's unit (settings `payroll`): cents, minutes or days. `reason` says why a
-- month already exported was changed.
CREATE TABLE payroll_entries (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    month TEXT NOT NULL CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    item TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 30),
    quantity INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX payroll_entries_by_month ON payroll_entries (month, employee_id);

-- One row per export; a month exported again (--again) has several. The first locks the month.
CREATE TABLE payroll_exports (
    id INTEGER PRIMARY KEY,
    month TEXT NOT NULL CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    exported_at TEXT NOT NULL,
    file TEXT NOT NULL DEFAULT '',
    -- The last audit row when the export was recorded: a change after it may need a correction.
    audit_mark INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX payroll_exports_by_month ON payroll_exports (month);

-- What each export sent: the month's lines and correction lines (signed differences) for earlier
-- months. Summed per variable and `for_month`, they are what the social secretariat has.
CREATE TABLE payroll_export_lines (
    id INTEGER PRIMARY KEY,
    export_id INTEGER NOT NULL REFERENCES payroll_exports(id),
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    for_month TEXT NOT NULL CHECK (for_month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    correction INTEGER NOT NULL CHECK (correction IN (0, 1)),
    kind TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    what TEXT NOT NULL DEFAULT '',
    day TEXT CHECK (day IS NULL OR date(day) = day),
    days INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    cents INTEGER NOT NULL,
    km INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payroll_export_lines_by_month ON payroll_export_lines (for_month, employee_id);
CREATE TRIGGER payroll_export_lines_no_update BEFORE UPDATE ON payroll_export_lines BEGIN
    SELECT RAISE(ABORT, 'exported payroll lines are kept as sent');
END;

-- One-way distance home–workplace in whole km: commuting km = 2 × distance × commuting days.
CREATE TABLE payroll_commute (
    employee_id INTEGER PRIMARY KEY REFERENCES employees(id) ON DELETE CASCADE,
    km INTEGER NOT NULL CHECK (km BETWEEN 0 AND 500)
);
