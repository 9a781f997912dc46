-- Dossier schema version 3: indexes for the Today list, so it reads only the rows in its windows at
-- every start, whatever the size of the company.

-- Contracts ending within the window.
CREATE INDEX contracts_by_end ON contracts (end_date) WHERE end_date IS NOT NULL;
-- Spells still open or ended lately (ongoing sickness, certificates to chase).
CREATE INDEX sick_spells_by_end ON sick_spells (end_date);
-- Leave requests waiting for a decision.
CREATE INDEX leave_requests_waiting ON leave_requests (from_date) WHERE status = 'requested';
-- Birthdays and work anniversaries by month and day, for people in service.
CREATE INDEX employees_by_birthday ON employees (substr(birth_date, 6, 5))
    WHERE status <> 'left' AND birth_date IS NOT NULL;
CREATE INDEX employees_by_anniversary ON employees (substr(seniority_date, 6, 5))
    WHERE status <> 'left';
