-- Dossier schema version 13: a period of the whole company (the payroll month, the calendar, the
-- reports) finds its leave by the last day. Led by the first day, the index made each month walk
-- every request that started before it: with years of history, nearly the whole table.
-- (Sickness already has sick_spells_by_end; its queries now lead with it.)
DROP INDEX leave_requests_by_date;
CREATE INDEX leave_requests_by_end ON leave_requests (to_date, from_date);
