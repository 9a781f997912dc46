//! The dossier's "Confidential" section: disciplinary measures, grievances and medical notes,
//! shown only once the PIN was given in this session (it stays "locked" otherwise).

use ratatui::text::{Line, Span};

use crate::domain::confidential::{GrievanceInput, MeasureInput, MedicalNoteInput};
use crate::domain::date::{format_date, format_opt_date};
use crate::i18n::I18n;
use crate::store::{ConfidentialFile, Store, StoreError, Unlocked};
use crate::ui::theme;

#[derive(Debug, Clone, Default)]
pub struct ConfidentialView {
    /// Whether a PIN was ever set (otherwise `u` chooses one).
    pub has_pin: bool,
    /// The records, only when unlocked.
    pub file: Option<ConfidentialFile>,
    /// Index over measures, then grievances, then medical notes.
    pub selected: usize,
}

/// The record under the selection, for editing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selected {
    Measure(i64, MeasureInput),
    Grievance(i64, GrievanceInput),
    Medical(i64, MedicalNoteInput),
}

impl ConfidentialView {
    pub fn load(
        store: &Store,
        key: Option<&Unlocked>,
        employee_id: i64,
    ) -> Result<ConfidentialView, StoreError> {
        let repo = store.confidential();
        Ok(ConfidentialView {
            has_pin: repo.has_pin()?,
            file: key.map(|k| repo.file(k, employee_id)).transpose()?,
            selected: 0,
        })
    }

    fn count(&self) -> usize {
        self.file.as_ref().map_or(0, |f| {
            f.measures.len() + f.grievances.len() + f.medical_notes.len()
        })
    }

    pub fn move_by(&mut self, delta: isize) {
        let n = self.count();
        if n > 0 {
            self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
        }
    }

    pub fn selected(&self) -> Option<Selected> {
        let f = self.file.as_ref()?;
        let mut i = self.selected;
        if let Some(m) = f.measures.get(i) {
            return Some(Selected::Measure(m.id, MeasureInput::from_measure(m)));
        }
        i -= f.measures.len();
        if let Some(g) = f.grievances.get(i) {
            return Some(Selected::Grievance(g.id, GrievanceInput::from_grievance(g)));
        }
        i -= f.grievances.len();
        f.medical_notes
            .get(i)
            .map(|n| Selected::Medical(n.id, MedicalNoteInput::from_note(n)))
    }

    /// The section's lines wrapped to `width`, and the line of the selected record (for scrolling).
    pub fn lines(&self, i18n: &I18n, width: u16) -> (Vec<Line<'static>>, usize) {
        let width = usize::from(width).max(20);
        let mut out: Vec<Line<'static>> = Vec::new();
        let Some(f) = &self.file else {
            let key = if self.has_pin {
                "confidential.locked"
            } else {
                "confidential.no_pin"
            };
            out.push(Line::from(Span::styled(
                i18n.t("section.confidential"),
                theme::header(),
            )));
            out.push(Line::from(""));
            for part in wrap(&i18n.t(key), width) {
                out.push(Line::from(Span::styled(part, theme::hint())));
            }
            return (out, 0);
        };
        out.push(Line::from(Span::styled(
            i18n.t("confidential.unlocked_hint"),
            theme::hint(),
        )));
        let mut index = 0;
        let mut selected_line = 0;
        let mut record = |out: &mut Vec<Line<'static>>, head: String, body: Vec<String>| {
            let style = if index == self.selected {
                selected_line = out.len();
                theme::selected()
            } else {
                theme::label_focused()
            };
            for (n, part) in wrap(&head, width).into_iter().enumerate() {
                let part = if n == 0 { part } else { format!("  {part}") };
                out.push(Line::from(Span::styled(part, style)));
            }
            for b in body.iter().filter(|b| !b.is_empty()) {
                for part in wrap(b, width.saturating_sub(4)) {
                    out.push(Line::from(format!("    {part}")));
                }
            }
            index += 1;
        };
        let labelled = |k: &str, v: &str| {
            if v.is_empty() {
                String::new()
            } else {
                format!("{}: {v}", i18n.t(k))
            }
        };
        out.push(Line::from(""));
        out.push(Line::from(Span::styled(
            i18n.t("confidential.measures"),
            theme::header(),
        )));
        if f.measures.is_empty() {
            out.push(Line::from(Span::styled(
                i18n.t("detail.none"),
                theme::hint(),
            )));
        }
        for m in &f.measures {
            // Who heard the person shows even when the hearing's date was not noted.
            let hearing = format!("{} {}", format_opt_date(m.hearing_on), m.heard_by)
                .trim()
                .to_string();
            let decision = if m.decision.is_empty() {
                String::new()
            } else {
                format!("{} ({})", m.decision, format_opt_date(m.decided_on))
            };
            record(
                &mut out,
                format!("{}  {}", format_date(m.facts_on), i18n.choice(m.kind)),
                vec![
                    labelled("field.facts", &m.facts),
                    labelled("field.hearing_on", &hearing),
                    labelled("field.decision", &decision),
                    labelled("field.follow_up", &m.follow_up),
                    labelled("field.letters", &m.letters),
                ],
            );
        }
        out.push(Line::from(""));
        out.push(Line::from(Span::styled(
            i18n.t("confidential.grievances"),
            theme::header(),
        )));
        if f.grievances.is_empty() {
            out.push(Line::from(Span::styled(
                i18n.t("detail.none"),
                theme::hint(),
            )));
        }
        for g in &f.grievances {
            let closed = g
                .closed_on
                .map(|d| format!(" · {} {}", i18n.t("field.closed_on"), format_date(d)))
                .unwrap_or_default();
            record(
                &mut out,
                format!("{}  {}{closed}", format_date(g.received_on), g.subject),
                vec![
                    g.text.clone(),
                    labelled("field.handled_by", &g.handled_by),
                    labelled("field.outcome", &g.outcome),
                ],
            );
        }
        out.push(Line::from(""));
        out.push(Line::from(Span::styled(
            i18n.t("confidential.medical_notes"),
            theme::header(),
        )));
        if f.medical_notes.is_empty() {
            out.push(Line::from(Span::styled(
                i18n.t("detail.none"),
                theme::hint(),
            )));
        }
        for n in &f.medical_notes {
            record(
                &mut out,
                format!("{}  {}", format_date(n.written_on), n.source)
                    .trim()
                    .to_string(),
                vec![n.text.clone()],
            );
        }
        (out, selected_line)
    }
}

/// Splits `text` at spaces into lines of at most `width` characters (a longer word is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let need = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if need > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_keeps_every_word_within_the_width() {
        let text = "Left the loading bay unlocked twice after the late shift, supercalifragilistic";
        let lines = wrap(text, 12);
        assert!(lines.iter().all(|l| l.chars().count() <= 12), "{lines:?}");
        assert_eq!(lines.join(" ").replace(' ', ""), text.replace(' ', ""));
    }
}
