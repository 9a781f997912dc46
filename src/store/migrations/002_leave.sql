-- Dossier schema version 2: work schedules, the company holiday calendar, leave types, leave requests,
-- the append-only leave ledger and the sickness register.

-- Minutes per weekday, Monday first, as seven comma-separated numbers; week2 for a two-week pattern.
CREATE TABLE schedules (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    valid_from TEXT NOT NULL CHECK (date(valid_from) = valid_from),
    week1 TEXT NOT NULL,
    week2 TEXT,
    UNIQUE (employee_id, valid_from)
);

-- Company days: community holidays, bridge days, replacement days and collective closure.
CREATE TABLE company_days (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL UNIQUE CHECK (date(day) = day),
    kind TEXT NOT NULL CHECK (kind IN ('community', 'bridge', 'replacement', 'closure')),
    name TEXT NOT NULL DEFAULT '',
    replaces TEXT CHECK (replaces IS NULL OR date(replaces) = replaces),
    CHECK ((kind = 'replacement') = (replaces IS NOT NULL))
);

-- The names are data the user may change, so they live here in the three languages rather than in
-- the message catalogs. `counting`: which balance a type draws from (none, annual, extralegal).
CREATE TABLE leave_types (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 30),
    name_en TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    counting TEXT NOT NULL CHECK (counting IN ('none', 'annual', 'extralegal')),
    paid INTEGER NOT NULL CHECK (paid IN (0, 1)),
    certificate INTEGER NOT NULL CHECK (certificate IN (0, 1)),
    payroll_code TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL,
    letter TEXT NOT NULL CHECK (length(letter) = 1),
    days_per_event INTEGER CHECK (days_per_event IS NULL OR days_per_event > 0),
    days_per_year INTEGER CHECK (days_per_year IS NULL OR days_per_year > 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    position INTEGER NOT NULL
);

INSERT INTO leave_types
    (code, name_en, name_nl, name_fr, counting, paid, certificate, payroll_code, colour, letter, days_per_event, days_per_year, position)
VALUES
    ('legal', 'Annual leave', 'Wettelijke vakantie', 'Vacances annuelles', 'annual', 1, 0, '1', 'green', 'V', NULL, NULL, 10),
    ('extralegal', 'Extralegal / ADV day', 'Extralegale / ADV-dag', 'Jour extralégal / RTT', 'extralegal', 1, 0, '1', 'cyan', 'A', NULL, NULL, 20),
    ('compensatory', 'Compensatory rest', 'Inhaalrust', 'Repos compensatoire', 'none', 1, 0, '1', 'cyan', 'I', NULL, NULL, 30),
    ('small_wedding', 'Small leave: own wedding', 'Klein verlet: eigen huwelijk', 'Petit chômage : propre mariage', 'none', 1, 1, '1', 'blue', 'K', 2, NULL, 40),
    ('small_wedding_family', 'Small leave: wedding in the family', 'Klein verlet: huwelijk familielid', 'Petit chômage : mariage d''un proche', 'none', 1, 1, '1', 'blue', 'K', 1, NULL, 41),
    ('small_death_partner_child', 'Small leave: death of partner or child', 'Klein verlet: overlijden partner of kind', 'Petit chômage : décès du partenaire ou d''un enfant', 'none', 1, 1, '1', 'blue', 'K', 10, NULL, 42),
    ('small_death_parent', 'Small leave: death of a parent or in-law', 'Klein verlet: overlijden ouder of schoonouder', 'Petit chômage : décès d''un parent ou beau-parent', 'none', 1, 1, '1', 'blue', 'K', 3, NULL, 43),
    ('small_death_relative_home', 'Small leave: death of a relative living in', 'Klein verlet: overlijden inwonend familielid', 'Petit chômage : décès d''un proche cohabitant', 'none', 1, 1, '1', 'blue', 'K', 2, NULL, 44),
    ('small_funeral', 'Small leave: funeral of a relative', 'Klein verlet: begrafenis familielid', 'Petit chômage : funérailles d''un proche', 'none', 1, 1, '1', 'blue', 'K', 1, NULL, 45),
    ('small_ceremony', 'Small leave: communion or celebration', 'Klein verlet: communie of lentefeest', 'Petit chômage : communion ou fête laïque', 'none', 1, 0, '1', 'blue', 'K', 1, NULL, 46),
    ('small_civic', 'Small leave: jury, witness or election duty', 'Klein verlet: jury, getuige of verkiezingen', 'Petit chômage : jury, témoin ou élections', 'none', 1, 1, '1', 'blue', 'K', 1, NULL, 47),
    ('birth', 'Birth leave', 'Geboorteverlof', 'Congé de naissance', 'none', 1, 1, '52', 'magenta', 'G', 20, NULL, 50),
    ('maternity', 'Maternity leave', 'Moederschapsrust', 'Repos de maternité', 'none', 0, 1, '51', 'magenta', 'M', NULL, NULL, 60),
    ('adoption', 'Adoption leave', 'Adoptieverlof', 'Congé d''adoption', 'none', 1, 1, '52', 'magenta', 'D', NULL, NULL, 65),
    ('parental_full', 'Parental leave, full time', 'Ouderschapsverlof, voltijds', 'Congé parental, temps plein', 'none', 0, 0, '', 'magenta', 'O', NULL, NULL, 70),
    ('parental_part', 'Parental leave, part time', 'Ouderschapsverlof, deeltijds', 'Congé parental, temps partiel', 'none', 0, 0, '', 'magenta', 'O', NULL, NULL, 71),
    ('time_credit', 'Time credit', 'Tijdskrediet', 'Crédit-temps', 'none', 0, 0, '', 'magenta', 'T', NULL, NULL, 80),
    ('compelling', 'Compelling reasons', 'Dwingende redenen', 'Raisons impérieuses', 'none', 0, 0, '24', 'yellow', 'R', NULL, 10, 90),
    ('training', 'Training leave', 'Opleidingsverlof', 'Congé-éducation', 'none', 1, 1, '1', 'blue', 'O', NULL, NULL, 100),
    ('unpaid', 'Unpaid leave', 'Onbetaald verlof', 'Congé sans solde', 'none', 0, 0, '30', 'gray', 'U', NULL, NULL, 110),
    ('closure', 'Collective closure', 'Collectieve sluiting', 'Fermeture collective', 'annual', 1, 0, '1', 'green', 'C', NULL, NULL, 120),
    ('sickness', 'Sickness', 'Ziekte', 'Maladie', 'none', 1, 1, '50', 'red', 'Z', NULL, NULL, 200),
    ('work_accident', 'Work accident', 'Arbeidsongeval', 'Accident du travail', 'none', 1, 1, '60', 'red', 'W', NULL, NULL, 210);

-- A request's life: requested → approved or refused; approved leave in the past reads as taken;
-- cancelling keeps the row (status 'cancelled') and reverses its ledger rows.
CREATE TABLE leave_requests (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    type_id INTEGER NOT NULL REFERENCES leave_types(id),
    from_date TEXT NOT NULL CHECK (date(from_date) = from_date),
    to_date TEXT NOT NULL CHECK (date(to_date) = to_date AND to_date >= from_date),
    part TEXT NOT NULL CHECK (part IN ('full', 'am', 'pm', 'hours')),
    part_minutes INTEGER CHECK (part_minutes IS NULL OR part_minutes > 0),
    minutes INTEGER NOT NULL CHECK (minutes >= 0),
    status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'refused', 'cancelled')),
    note TEXT NOT NULL DEFAULT '',
    override_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    CHECK ((part = 'hours') = (part_minutes IS NOT NULL))
);
CREATE INDEX leave_requests_by_employee ON leave_requests (employee_id, from_date);
CREATE INDEX leave_requests_by_date ON leave_requests (from_date, to_date);

-- Balances are sums over this table; rows are never changed or removed (a cancellation is a new row).
CREATE TABLE leave_ledger (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    bucket TEXT NOT NULL,
    kind TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    day TEXT NOT NULL CHECK (date(day) = day),
    expires TEXT CHECK (expires IS NULL OR date(expires) = expires),
    reason TEXT NOT NULL DEFAULT '',
    request_id INTEGER REFERENCES leave_requests(id),
    created_at TEXT NOT NULL
);
CREATE INDEX leave_ledger_by_employee ON leave_ledger (employee_id, year);
CREATE TRIGGER leave_ledger_no_update BEFORE UPDATE ON leave_ledger BEGIN
    SELECT RAISE(ABORT, 'leave ledger rows are append-only');
END;
CREATE TRIGGER leave_ledger_no_delete BEFORE DELETE ON leave_ledger
WHEN (SELECT count(*) FROM employees WHERE id = old.employee_id) > 0 BEGIN
    SELECT RAISE(ABORT, 'leave ledger rows are append-only');
END;

CREATE TABLE sick_spells (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    start_date TEXT NOT NULL CHECK (date(start_date) = start_date),
    end_date TEXT CHECK (end_date IS NULL OR (date(end_date) = end_date AND end_date >= start_date)),
    expected_return TEXT CHECK (expected_return IS NULL OR date(expected_return) = expected_return),
    cause TEXT NOT NULL,
    certificate TEXT CHECK (certificate IS NULL OR date(certificate) = certificate),
    certificate_free INTEGER NOT NULL CHECK (certificate_free IN (0, 1)),
    relapse_of INTEGER REFERENCES sick_spells(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sick_spells_by_employee ON sick_spells (employee_id, start_date);
CREATE INDEX sick_spells_by_date ON sick_spells (start_date, end_date);

-- Arbeiders' legal leave is computed by the holiday fund (RJV/ONVA or a sector fund) from the days
-- declared in DmfA; the assistant types the figure from the holiday certificate here (BELGIAN-RULES.md §2).
CREATE TABLE holiday_fund_days (
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    days INTEGER NOT NULL CHECK (days BETWEEN 0 AND 24),
    PRIMARY KEY (employee_id, year)
);
