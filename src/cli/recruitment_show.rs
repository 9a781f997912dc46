//! `dossier candidate show`: the candidate page as text.

use super::out::outln;
use crate::domain::date::{format_date, format_opt_date};
use crate::i18n::I18n;
pub use crate::store::recruitment::CandidatePage;

pub trait PrintPage {
    fn print(&self, i: &I18n);
}

impl PrintPage for CandidatePage {
    fn print(&self, i: &I18n) {
        let c = &self.candidate;
        let d = &c.data;
        if c.purged {
            outln!("#{} — {}", c.id, i.t("err.candidate_purged"));
        } else {
            outln!("#{} {}", c.id, d.full_name());
            outln!(
                "{}: {}   {}: {}",
                i.t("field.email"),
                d.email,
                i.t("field.phone"),
                d.phone
            );
            outln!(
                "{}: {}   {}: {}",
                i.t("field.language"),
                i.choice(d.language),
                i.t("field.source"),
                i.choice(d.source)
            );
        }
        outln!(
            "{}: {}   {}: {}",
            i.t("field.applied_on"),
            format_date(d.applied_on),
            i.t("field.consent_on"),
            format_opt_date(d.consent_on)
        );
        outln!(
            "{}: {}",
            i.t("recruit.retain_until"),
            format_opt_date(self.retain_until)
        );
        for f in &self.files {
            outln!("  {} ({})", f.title, f.original_name);
        }
        for a in &self.applications {
            let r = &a.application;
            outln!(
                "\n{} #{} — {} ({} {})",
                i.t("field.vacancy"),
                r.vacancy_id,
                r.vacancy,
                i.choice(r.stage),
                format_date(r.stage_since)
            );
            if !r.reject_reason.is_empty() {
                outln!(
                    "  {}: {}",
                    i.t("field.reason"),
                    i.t(&format!("reject.{}", r.reject_reason))
                );
            }
            outln!(
                "  {}: {}%{}",
                i.t("recruit.score"),
                r.score.percent(),
                if r.score.knocked_out {
                    format!(" ({})", i.t("recruit.knocked_out"))
                } else {
                    String::new()
                }
            );
            for s in &a.screening {
                let ans = s.answer.map(|x| i.choice(x)).unwrap_or_else(|| "—".into());
                outln!("    {:<40} {:<12} {}", s.criterion.text, ans, s.note);
            }
            for q in &a.questionnaire {
                outln!(
                    "    ? {} → {}",
                    q.question,
                    q.answer.as_deref().unwrap_or("—")
                );
            }
            for iv in &a.interviews {
                outln!(
                    "  {} {} {}′ {} {}",
                    i.t("stage.interview"),
                    iv.start.format("%d/%m/%Y %H:%M"),
                    iv.minutes,
                    iv.interviewers.join(", "),
                    iv.place
                );
            }
            for f in &a.feedback {
                outln!(
                    "  {}: {} {}",
                    f.interviewer,
                    i.choice(f.recommendation),
                    f.note
                );
            }
            for rc in &a.references {
                outln!(
                    "  {} {} ({}) {}",
                    format_date(rc.called_on),
                    rc.referee,
                    rc.relation,
                    rc.notes
                );
            }
            for l in &a.letters {
                outln!(
                    "  {} {}",
                    format_date(l.sent_on),
                    i.t(&format!("template.{}", l.template))
                );
            }
            for m in &a.history {
                let from = m.from.map(|s| i.choice(s)).unwrap_or_default();
                outln!(
                    "  {} {} → {} {}",
                    format_date(m.on),
                    from,
                    i.choice(m.to),
                    m.reason
                );
            }
        }
    }
}
