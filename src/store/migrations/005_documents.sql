-- Letters and documents generated from the templates: which template, in which language, where the
-- files went. A letter to a candidate has no employee yet (recruitment fills `recipient`).
CREATE TABLE generated_documents (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER REFERENCES employees(id) ON DELETE CASCADE,
    template TEXT NOT NULL CHECK (length(template) BETWEEN 1 AND 60),
    language TEXT NOT NULL CHECK (language IN ('nl', 'fr', 'en')),
    markdown_path TEXT,
    html_path TEXT,
    recipient TEXT NOT NULL DEFAULT '',
    generated_on TEXT NOT NULL CHECK (date(generated_on) = generated_on),
    CHECK (markdown_path IS NOT NULL OR html_path IS NOT NULL),
    CHECK (employee_id IS NOT NULL OR length(recipient) > 0)
);
CREATE INDEX generated_documents_by_employee ON generated_documents (employee_id, generated_on);
