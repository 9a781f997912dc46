-- Dossier schema: the follow-up after a course answers yes, no or partly (issue 6, third part), and
-- the follow-ups still to ask are read through an index on their due date (the Today list).
-- SQLite cannot change a CHECK in place: the table is rebuilt and its rows copied (1 → yes, 0 → no).

CREATE TABLE training_evaluations_new (
    record_id INTEGER PRIMARY KEY REFERENCES training_records(id) ON DELETE CASCADE,
    scores TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scores)),
    comment TEXT NOT NULL DEFAULT '',
    follow_up_due TEXT NOT NULL CHECK (date(follow_up_due) = follow_up_due),
    follow_up_on TEXT CHECK (follow_up_on IS NULL OR date(follow_up_on) = follow_up_on),
    helped TEXT CHECK (helped IS NULL OR helped IN ('yes', 'no', 'partly')),
    follow_up_note TEXT NOT NULL DEFAULT ''
);

INSERT INTO training_evaluations_new
    (record_id, scores, comment, follow_up_due, follow_up_on, helped, follow_up_note)
SELECT record_id, scores, comment, follow_up_due, follow_up_on,
       CASE helped WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END, follow_up_note
FROM training_evaluations;

DROP TABLE training_evaluations;
ALTER TABLE training_evaluations_new RENAME TO training_evaluations;

CREATE INDEX training_evaluations_follow_up_due ON training_evaluations (follow_up_due)
    WHERE follow_up_on IS NULL;
