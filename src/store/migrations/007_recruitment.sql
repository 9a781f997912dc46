-- Recruitment (issue 5): vacancies with their profile and channels, candidates and their
-- applications through the stage pipeline, screening, phone preselection, interviews, feedback,
-- references and letters. Candidates' personal data lives only in `candidates` and
-- `candidate_files` (and answers/notes), so a purge can blank it and keep anonymous counts.

CREATE TABLE vacancies (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    department TEXT NOT NULL DEFAULT '',
    reports_to TEXT NOT NULL DEFAULT '',
    contract TEXT NOT NULL CHECK (contract IN
        ('indefinite', 'fixed_term', 'specific_work', 'replacement', 'student', 'interim')),
    weekly_minutes INTEGER NOT NULL CHECK (weekly_minutes > 0),
    salary_min_cents INTEGER CHECK (salary_min_cents IS NULL OR salary_min_cents >= 0),
    salary_max_cents INTEGER CHECK (salary_max_cents IS NULL OR salary_max_cents >= 0),
    start_wanted TEXT CHECK (start_wanted IS NULL OR date(start_wanted) = start_wanted),
    positions INTEGER NOT NULL CHECK (positions BETWEEN 1 AND 99),
    filled INTEGER NOT NULL DEFAULT 0 CHECK (filled >= 0),
    status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'on_hold', 'filled', 'cancelled')),
    -- The day it became filled or cancelled: the procedure's end for candidates still in it.
    closed_on TEXT CHECK (closed_on IS NULL OR date(closed_on) = closed_on),
    created_on TEXT NOT NULL CHECK (date(created_on) = created_on)
);
CREATE INDEX vacancies_by_status ON vacancies (status, id);

CREATE TABLE vacancy_criteria (
    id INTEGER PRIMARY KEY,
    vacancy_id INTEGER NOT NULL REFERENCES vacancies(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 120),
    requirement TEXT NOT NULL CHECK (requirement IN ('required', 'nice')),
    weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 10)
);
CREATE INDEX vacancy_criteria_by_vacancy ON vacancy_criteria (vacancy_id, position);

CREATE TABLE vacancy_channels (
    id INTEGER PRIMARY KEY,
    vacancy_id INTEGER NOT NULL REFERENCES vacancies(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    published_on TEXT NOT NULL CHECK (date(published_on) = published_on),
    withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR (date(withdrawn_on) = withdrawn_on AND withdrawn_on >= published_on))
);
CREATE INDEX vacancy_channels_by_vacancy ON vacancy_channels (vacancy_id);

-- The phone preselection's standard questions, defined once per vacancy.
CREATE TABLE vacancy_questions (
    id INTEGER PRIMARY KEY,
    vacancy_id INTEGER NOT NULL REFERENCES vacancies(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 200)
);
CREATE INDEX vacancy_questions_by_vacancy ON vacancy_questions (vacancy_id, position);

CREATE TABLE candidates (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL CHECK (language IN ('nl', 'fr', 'en')),
    source TEXT NOT NULL,
    applied_on TEXT NOT NULL CHECK (date(applied_on) = applied_on),
    notes TEXT NOT NULL DEFAULT '',
    consent_on TEXT CHECK (consent_on IS NULL OR date(consent_on) = consent_on),
    -- Folded keys for duplicate detection (written by the store).
    email_key TEXT NOT NULL DEFAULT '',
    phone_key TEXT NOT NULL DEFAULT '',
    name_key TEXT NOT NULL DEFAULT '',
    -- When the personal data must be gone (NULL while a procedure is open or once hired).
    retain_until TEXT CHECK (retain_until IS NULL OR date(retain_until) = retain_until),
    purged_on TEXT CHECK (purged_on IS NULL OR date(purged_on) = purged_on),
    CHECK (purged_on IS NOT NULL OR length(first_name) > 0)
);
CREATE INDEX candidates_by_email ON candidates (email_key) WHERE email_key <> '';
CREATE INDEX candidates_by_phone ON candidates (phone_key) WHERE phone_key <> '';
CREATE INDEX candidates_by_name ON candidates (name_key);
CREATE INDEX candidates_by_retention ON candidates (retain_until) WHERE purged_on IS NULL AND retain_until IS NOT NULL;

-- A CV or letter the candidate sent, copied into the files folder (moved to the dossier on hire).
CREATE TABLE candidate_files (
    id INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    original_name TEXT NOT NULL,
    stored_name TEXT NOT NULL,
    added_on TEXT NOT NULL CHECK (date(added_on) = added_on)
);
CREATE INDEX candidate_files_by_candidate ON candidate_files (candidate_id);

CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    vacancy_id INTEGER NOT NULL REFERENCES vacancies(id) ON DELETE CASCADE,
    stage TEXT NOT NULL CHECK (stage IN ('received', 'screened', 'phone', 'interview', 'assessment',
        'references', 'offer', 'hired', 'rejected', 'withdrawn')),
    stage_since TEXT NOT NULL CHECK (date(stage_since) = stage_since),
    reject_reason TEXT NOT NULL DEFAULT '',
    -- Set when the stage is final (rejected, withdrawn, hired).
    ended_on TEXT CHECK (ended_on IS NULL OR date(ended_on) = ended_on),
    employee_id INTEGER REFERENCES employees(id) ON DELETE SET NULL,
    UNIQUE (candidate_id, vacancy_id),
    CHECK ((stage IN ('hired', 'rejected', 'withdrawn')) = (ended_on IS NOT NULL))
);
CREATE INDEX applications_by_vacancy ON applications (vacancy_id, stage);
CREATE INDEX applications_rejected ON applications (ended_on) WHERE stage = 'rejected';

-- Every stage move, dated (also audited).
CREATE TABLE stage_moves (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    on_date TEXT NOT NULL CHECK (date(on_date) = on_date),
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stage_moves_by_application ON stage_moves (application_id, id);

CREATE TABLE screening_answers (
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES vacancy_criteria(id) ON DELETE CASCADE,
    answer TEXT NOT NULL CHECK (answer IN ('met', 'not_met', 'unclear')),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (application_id, criterion_id)
);

CREATE TABLE question_answers (
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES vacancy_questions(id) ON DELETE CASCADE,
    answer TEXT NOT NULL,
    answered_on TEXT NOT NULL CHECK (date(answered_on) = answered_on),
    called_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (application_id, question_id)
);

CREATE TABLE interviews (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('interview', 'assessment')),
    start_at TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 600),
    place TEXT NOT NULL DEFAULT '',
    -- Why a clash was accepted (empty when there was none).
    override_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interviews_by_start ON interviews (start_at);
CREATE INDEX interviews_by_application ON interviews (application_id);

CREATE TABLE interview_interviewers (
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    PRIMARY KEY (interview_id, employee_id)
);
CREATE INDEX interview_interviewers_by_employee ON interview_interviewers (employee_id);

CREATE TABLE interview_feedback (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    recommendation TEXT NOT NULL CHECK (recommendation IN ('hire', 'maybe', 'no')),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (interview_id, employee_id)
);

CREATE TABLE feedback_scores (
    feedback_id INTEGER NOT NULL REFERENCES interview_feedback(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES vacancy_criteria(id) ON DELETE CASCADE,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (feedback_id, criterion_id)
);

CREATE TABLE reference_checks (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    called_on TEXT NOT NULL CHECK (date(called_on) = called_on),
    referee TEXT NOT NULL,
    relation TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reference_checks_by_application ON reference_checks (application_id);

-- Letters sent to a candidate, linked to the generated document (files in the export folder).
CREATE TABLE candidate_letters (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    template TEXT NOT NULL,
    document_id INTEGER REFERENCES generated_documents(id) ON DELETE SET NULL,
    sent_on TEXT NOT NULL CHECK (date(sent_on) = sent_on)
);
CREATE INDEX candidate_letters_by_application ON candidate_letters (application_id, template);
