//! Interviews as an iCalendar (.ics) file that a calendar program imports: one event per interview,
//! in local (floating) time, with a stable UID so importing again updates instead of doubling.

use icalendar::{Calendar, Component, Event, EventLike};

use crate::i18n::I18n;
use crate::store::recruitment::InterviewRow;

/// The calendar text for these interviews.
pub fn interviews(i18n: &I18n, rows: &[InterviewRow]) -> String {
    let mut cal = Calendar::new();
    cal.name(&i18n.t("recruit.ics_name"));
    for r in rows {
        let what = if r.assessment {
            i18n.t("recruit.assessment")
        } else {
            i18n.t("stage.interview")
        };
        let mut desc = format!("{}: {}", i18n.t("field.vacancy"), r.vacancy);
        if !r.interviewers.is_empty() {
            desc.push_str(&format!(
                "\n{}: {}",
                i18n.t("field.interviewers"),
                r.interviewers.join(", ")
            ));
        }
        let end = r.start + chrono::Duration::minutes(i64::from(r.minutes));
        let event = Event::new()
            .uid(&format!("dossier-interview-{}", r.id))
            .summary(&format!("{what}: {} — {}", r.candidate, r.vacancy))
            .description(&desc)
            .location(&r.place)
            .starts(r.start)
            .ends(end)
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}
