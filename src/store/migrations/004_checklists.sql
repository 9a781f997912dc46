-- Dossier schema version 4: the Dimona register and the onboarding/offboarding checklists.

-- One row per Dimona event sent to the RSZ/ONSS; `reference` is the period id it returned.
CREATE TABLE dimona (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('in', 'out', 'update', 'cancel')),
    declared_on TEXT NOT NULL CHECK (date(declared_on) = declared_on),
    reference TEXT NOT NULL DEFAULT '' CHECK (length(reference) <= 40),
    start_date TEXT CHECK (start_date IS NULL OR date(start_date) = start_date),
    end_date TEXT CHECK (end_date IS NULL OR (date(end_date) = end_date
        AND (start_date IS NULL OR end_date >= start_date))),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dimona_by_employee ON dimona (employee_id, kind);

-- Recent departures are found by range (Dimona OUT missing), never by scanning the staff.
CREATE INDEX employees_by_end ON employees (end_date) WHERE end_date IS NOT NULL;

-- A template per kind of checklist; the tasks' due dates are days from the start (onboarding) or
-- the end (offboarding) of the employment, negative before it.
CREATE TABLE checklist_templates (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('onboarding', 'offboarding')),
    name_en TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- `code` names tasks that something else can complete (dimona_in, dimona_out) or that the demo ticks.
CREATE TABLE checklist_template_tasks (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES checklist_templates(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    title_en TEXT NOT NULL CHECK (length(title_en) > 0),
    title_nl TEXT NOT NULL CHECK (length(title_nl) > 0),
    title_fr TEXT NOT NULL CHECK (length(title_fr) > 0),
    offset_days INTEGER NOT NULL CHECK (offset_days BETWEEN -365 AND 365),
    responsible TEXT NOT NULL DEFAULT '',
    document TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checklist_template_tasks_by_template ON checklist_template_tasks (template_id, position);

-- A person's checklist: the template's tasks copied with concrete due dates, so a later change of
-- the template never rewrites what was asked of someone already on board.
CREATE TABLE checklists (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('onboarding', 'offboarding')),
    anchor TEXT NOT NULL CHECK (date(anchor) = anchor),
    created_on TEXT NOT NULL CHECK (date(created_on) = created_on),
    UNIQUE (employee_id, kind)
);

CREATE TABLE checklist_tasks (
    id INTEGER PRIMARY KEY,
    checklist_id INTEGER NOT NULL REFERENCES checklists(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    title_en TEXT NOT NULL,
    title_nl TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    responsible TEXT NOT NULL DEFAULT '',
    document TEXT NOT NULL DEFAULT '',
    due TEXT NOT NULL CHECK (date(due) = due),
    done_on TEXT CHECK (done_on IS NULL OR date(done_on) = done_on),
    done_by TEXT NOT NULL DEFAULT '',
    CHECK (done_on IS NOT NULL OR done_by = '')
);
CREATE INDEX checklist_tasks_by_checklist ON checklist_tasks (checklist_id, position);
-- Today's "tasks due": only open tasks, in due order.
CREATE INDEX checklist_tasks_open_by_due ON checklist_tasks (due, id) WHERE done_on IS NULL;

INSERT INTO checklist_templates (id, kind, name_en, name_nl, name_fr) VALUES
    (1, 'onboarding', 'Onboarding', 'Onthaal', 'Accueil'),
    (2, 'offboarding', 'Offboarding', 'Uitdiensttreding', 'Sortie de service');

INSERT INTO checklist_template_tasks
    (template_id, position, code, offset_days, responsible, document, title_en, title_nl, title_fr)
VALUES
    (1, 10, 'dimona_in', -1, 'HR', '',
        'Declare Dimona IN (before the first working day)',
        'Dimona IN aangeven (vóór de eerste werkdag)',
        'Déclarer la Dimona IN (avant le premier jour de travail)'),
    (1, 20, 'contract_signed', -1, 'HR', 'signed_contract',
        'Employment contract signed',
        'Arbeidsovereenkomst ondertekend',
        'Contrat de travail signé'),
    (1, 30, 'workplace', -2, 'IT', '',
        'Workplace, IT account and keys ready',
        'Werkplek, IT-account en sleutels klaar',
        'Poste de travail, compte informatique et clés prêts'),
    (1, 40, 'buddy', -3, 'manager', '',
        'First-day buddy assigned',
        'Meter of peter voor de eerste dag aangeduid',
        'Parrain ou marraine du premier jour désigné'),
    (1, 50, 'work_rules', 0, 'HR', 'work_rules_receipt',
        'Work rules handed over, receipt signed',
        'Arbeidsreglement overhandigd, ontvangstbewijs getekend',
        'Règlement de travail remis, accusé de réception signé'),
    (1, 60, 'welcome', 0, 'HR', '',
        'Welcome brochure and code of conduct handed over',
        'Onthaalbrochure en gedragscode meegegeven',
        'Brochure d''accueil et code de conduite remis'),
    (1, 70, 'safety', 0, 'prevention', '',
        'Safety instruction (where the job needs it)',
        'Veiligheidsinstructie (als de functie het vereist)',
        'Instruction de sécurité (si la fonction l''exige)'),
    (1, 80, 'medical', 7, 'HR', 'medical_fitness',
        'Medical examination by the occupational physician (where the job needs it)',
        'Medisch onderzoek bij de arbeidsarts (als de functie het vereist)',
        'Examen médical chez le médecin du travail (si la fonction l''exige)'),
    (1, 90, 'insurance', 7, 'HR', '',
        'Enrolment in group insurance, hospital insurance and meal vouchers',
        'Aansluiting groepsverzekering, hospitalisatieverzekering en maaltijdcheques',
        'Affiliation à l''assurance groupe, l''assurance hospitalisation et aux chèques-repas'),
    (1, 100, 'first_month_talk', 30, 'manager', '',
        'End-of-first-month talk',
        'Gesprek na de eerste maand',
        'Entretien après le premier mois'),
    (2, 10, 'notice', -28, 'HR', 'termination_letter',
        'Notice period computed (unified statute)',
        'Opzeggingstermijn berekend (eenheidsstatuut)',
        'Délai de préavis calculé (statut unique)'),
    (2, 20, 'exit_talk', -5, 'manager', '',
        'Exit talk',
        'Exitgesprek',
        'Entretien de sortie'),
    (2, 30, 'return_items', 0, 'manager', '',
        'Laptop, keys, car and badge returned',
        'Laptop, sleutels, wagen en badge terugbezorgd',
        'Ordinateur portable, clés, voiture et badge restitués'),
    (2, 40, 'access_closed', 0, 'IT', '',
        'Access closed (IT accounts, building)',
        'Toegang afgesloten (IT-accounts, gebouw)',
        'Accès fermés (comptes informatiques, bâtiment)'),
    (2, 50, 'dimona_out', 1, 'HR', '',
        'Declare Dimona OUT (first working day after the end)',
        'Dimona OUT aangeven (eerste werkdag na het einde)',
        'Déclarer la Dimona OUT (premier jour ouvrable après la fin)'),
    (2, 60, 'c4', 1, 'HR', 'c4',
        'C4 unemployment certificate issued',
        'C4-werkloosheidsbewijs afgegeven',
        'Certificat de chômage C4 délivré'),
    (2, 70, 'holiday_certificate', 1, 'HR', 'holiday_certificate',
        'Holiday certificate (vakantieattest) issued',
        'Vakantieattest afgegeven',
        'Attestation de vacances délivrée'),
    (2, 80, 'final_payroll', 3, 'HR', '',
        'Final payroll variables sent to the social secretariat',
        'Laatste loonvariabelen aan het sociaal secretariaat bezorgd',
        'Dernières variables de paie transmises au secrétariat social');
