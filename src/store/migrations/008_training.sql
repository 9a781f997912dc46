-- Dossier schema: training and development (issue 6). The catalogue, sessions and their days,
-- enrolments with a waiting list, attendance, training records and certificates, needs, requests,
-- course evaluations, and appraisal/development talks.

CREATE TABLE training_courses (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    provider TEXT NOT NULL DEFAULT '',
    internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
    kind TEXT NOT NULL CHECK (kind IN ('formal', 'informal', 'initial')),
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),
    language TEXT NOT NULL DEFAULT '' CHECK (language IN ('', 'nl', 'fr', 'en', 'de')),
    certificate_months INTEGER CHECK (certificate_months IS NULL OR certificate_months BETWEEN 1 AND 240),
    -- Job titles separated by '; ' (matched accent- and case-insensitively by the domain).
    mandatory_for TEXT NOT NULL DEFAULT '',
    counts_for_right INTEGER NOT NULL DEFAULT 1 CHECK (counts_for_right IN (0, 1)),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE training_sessions (
    id INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES training_courses(id),
    -- First and last day, kept beside the days so "upcoming first" and windows use an index.
    first_day TEXT NOT NULL CHECK (date(first_day) = first_day),
    last_day TEXT NOT NULL CHECK (date(last_day) = last_day AND last_day >= first_day),
    place TEXT NOT NULL DEFAULT '',
    trainer TEXT NOT NULL DEFAULT '',
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0)
);
CREATE INDEX training_sessions_by_day ON training_sessions (first_day, id);
CREATE INDEX training_sessions_by_course ON training_sessions (course_id, first_day);

CREATE TABLE training_session_days (
    session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
    day TEXT NOT NULL CHECK (date(day) = day),
    start_time TEXT NOT NULL CHECK (strftime('%H:%M', start_time) = start_time),
    end_time TEXT NOT NULL CHECK (strftime('%H:%M', end_time) = end_time AND end_time > start_time),
    PRIMARY KEY (session_id, day)
) WITHOUT ROWID;

-- `position` orders the waiting list: first come, first served.
CREATE TABLE training_enrolments (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('enrolled', 'waiting', 'cancelled')),
    position INTEGER NOT NULL,
    enrolled_on TEXT NOT NULL CHECK (date(enrolled_on) = enrolled_on),
    UNIQUE (session_id, employee_id)
);
CREATE INDEX training_enrolments_by_employee ON training_enrolments (employee_id, session_id);

CREATE TABLE training_attendance (
    enrolment_id INTEGER NOT NULL REFERENCES training_enrolments(id) ON DELETE CASCADE,
    day TEXT NOT NULL CHECK (date(day) = day),
    mark TEXT NOT NULL CHECK (mark IN ('present', 'absent', 'excused')),
    PRIMARY KEY (enrolment_id, day)
) WITHOUT ROWID;

CREATE TABLE training_records (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    course_id INTEGER REFERENCES training_courses(id),
    session_id INTEGER REFERENCES training_sessions(id) ON DELETE SET NULL,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    kind TEXT NOT NULL CHECK (kind IN ('formal', 'informal', 'initial')),
    from_day TEXT NOT NULL CHECK (date(from_day) = from_day),
    to_day TEXT NOT NULL CHECK (date(to_day) = to_day AND to_day >= from_day),
    minutes INTEGER NOT NULL CHECK (minutes >= 0),
    cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),
    certificate TEXT NOT NULL DEFAULT '',
    expires TEXT CHECK (expires IS NULL OR (date(expires) = expires AND expires >= from_day)),
    counts_for_right INTEGER NOT NULL DEFAULT 1 CHECK (counts_for_right IN (0, 1)),
    UNIQUE (session_id, employee_id)
);
CREATE INDEX training_records_by_employee ON training_records (employee_id, from_day);
CREATE INDEX training_records_by_day ON training_records (to_day);
-- Certificates by expiry: Today and the certificates view read a window of this index.
CREATE INDEX training_records_by_expiry ON training_records (expires, employee_id) WHERE expires IS NOT NULL;

CREATE TABLE training_needs (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    course_id INTEGER REFERENCES training_courses(id),
    description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
    source TEXT NOT NULL CHECK (source IN ('talk', 'manager', 'request', 'mandatory')),
    priority TEXT NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
    status TEXT NOT NULL CHECK (status IN ('open', 'planned', 'done', 'dropped')),
    talk_id INTEGER REFERENCES training_talks(id) ON DELETE SET NULL,
    planned_cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (planned_cost_cents >= 0)
);
CREATE INDEX training_needs_by_year ON training_needs (year, employee_id);
CREATE INDEX training_needs_by_employee ON training_needs (employee_id, year);

CREATE TABLE training_requests (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    course_id INTEGER NOT NULL REFERENCES training_courses(id),
    session_id INTEGER REFERENCES training_sessions(id) ON DELETE SET NULL,
    asked_on TEXT NOT NULL CHECK (date(asked_on) = asked_on),
    motivation TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
    decided_on TEXT CHECK (decided_on IS NULL OR date(decided_on) = decided_on),
    reason TEXT NOT NULL DEFAULT '',
    CHECK (status <> 'refused' OR length(reason) > 0)
);
CREATE INDEX training_requests_by_status ON training_requests (status, asked_on);

-- After the course: scores 1–5 per question (JSON list) and comments; the follow-up months later.
CREATE TABLE training_evaluations (
    record_id INTEGER PRIMARY KEY REFERENCES training_records(id) ON DELETE CASCADE,
    scores TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scores)),
    comment TEXT NOT NULL DEFAULT '',
    follow_up_due TEXT NOT NULL CHECK (date(follow_up_due) = follow_up_due),
    follow_up_on TEXT CHECK (follow_up_on IS NULL OR date(follow_up_on) = follow_up_on),
    helped INTEGER CHECK (helped IS NULL OR helped IN (0, 1)),
    follow_up_note TEXT NOT NULL DEFAULT ''
);

-- Sections ([{name, text, score}]) and actions ([{text, due, done}]) are JSON: a talk is read and
-- written whole, and the form's sections are a setting that may change between talks.
CREATE TABLE training_talks (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('appraisal', 'evaluation', 'development', 'end_of_trial', 'return_to_work')),
    day TEXT NOT NULL CHECK (date(day) = day),
    held_by TEXT NOT NULL DEFAULT '',
    held INTEGER NOT NULL CHECK (held IN (0, 1)),
    sections TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sections)),
    actions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(actions)),
    summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX training_talks_by_employee ON training_talks (employee_id, day);
CREATE INDEX training_talks_by_day ON training_talks (day);
