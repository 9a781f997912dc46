//! Making a letter from a dossier: the template picker, the form of the values a template needs,
//! and writing it through the documents module.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::documents::catalog::{Extra, TemplateId};
use crate::documents::input::{DocFormat, MakeInput};
use crate::documents::{self, DocError, MakeRequest};
use crate::domain::choice::Choice;
use crate::domain::date::format_date;
use crate::domain::notice::NoticeParty;
use crate::i18n::I18n;
use crate::store::{Store, StoreError};
use crate::ui::form_flow::{Review, Saved};
use crate::ui::theme;
use crate::ui::widgets::form::{FieldKind, Form};
use crate::ui::widgets::popup::centered;

/// The templates offered in a dossier (letters to candidates come from recruitment).
pub fn templates() -> Vec<TemplateId> {
    TemplateId::ALL
        .iter()
        .copied()
        .filter(|t| t.needs_employee())
        .collect()
}

/// The template list shown over the dossier.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub selected: usize,
}

impl Picker {
    pub fn chosen(&self) -> Option<TemplateId> {
        templates().get(self.selected).copied()
    }

    pub fn move_by(&mut self, delta: isize) {
        let n = templates().len();
        self.selected = (self.selected as isize + delta).clamp(0, n as isize - 1) as usize;
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, who: &str, i18n: &I18n) {
        render_templates(
            frame,
            area,
            &templates(),
            self.selected,
            who,
            "picker.hint",
            i18n,
        );
    }
}

/// A popup choosing one of `list` for `who`: each template's name and what it is for, the
/// `selected` one highlighted, `hint_key` below. The dossier's letters and a candidate's share it.
pub fn render_templates(
    frame: &mut Frame<'_>,
    area: Rect,
    list: &[TemplateId],
    selected: usize,
    who: &str,
    hint_key: &str,
    i18n: &I18n,
) {
    let h = (list.len() as u16) + 4;
    let popup = centered(area, area.width.saturating_sub(4).min(104), h);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border_focused())
        .title(Span::styled(
            format!(" {} ", i18n.tf("picker.title", &[("name", who)])),
            theme::title(),
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = list
        .iter()
        .enumerate()
        .map(|(n, t)| {
            let name = format!(" {:<34}", i18n.t(t.label_key()));
            let help = shorten(&i18n.t(&t.description_key()), width.saturating_sub(37));
            if n == selected {
                Line::from(Span::styled(
                    format!("{name} {help:<w$}", w = width.saturating_sub(36)),
                    theme::selected(),
                ))
            } else {
                Line::from(vec![
                    Span::raw(name),
                    Span::styled(format!(" {help}"), theme::muted()),
                ])
            }
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(i18n.t(hint_key), theme::hint())));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `text` cut to `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// What the form for one letter carries: the template, the employee and the choices read from
/// the store when it opened (the person's leave requests).
#[derive(Debug, Clone)]
pub struct MakeDoc {
    pub employee_id: i64,
    pub template: TemplateId,
    pub base: MakeInput,
    pub requests: Vec<(String, String)>,
    pub templates_dir: Option<PathBuf>,
}

impl MakeDoc {
    pub fn new(
        store: &Store,
        employee_id: i64,
        template: TemplateId,
        templates_dir: Option<PathBuf>,
        i18n: &I18n,
    ) -> MakeDoc {
        let language = store
            .employees()
            .get(employee_id)
            .map(|e| documents::doc_lang(e.data.language).code().to_string())
            .unwrap_or_default();
        let requests = if template.extras().contains(&Extra::LeaveRequest) {
            request_options(store, employee_id, i18n)
        } else {
            Vec::new()
        };
        let base = MakeInput {
            language,
            doc_format: DocFormat::Both.code().into(),
            request: requests.first().map(|r| r.0.clone()).unwrap_or_default(),
            notice_by: NoticeParty::Employer.code().into(),
            notified_on: format_date(store.clock().today()),
            registered_letter: "ja".into(),
            multiple_birth: "nee".into(),
            ..Default::default()
        };
        MakeDoc {
            employee_id,
            template,
            base,
            requests,
            templates_dir,
        }
    }

    /// The fields this template needs, after the language and the format.
    pub fn fields(&self) -> Vec<(&'static str, FieldKind, bool)> {
        use FieldKind::{Date, YesNo};
        let mut f = vec![
            (
                "language",
                FieldKind::Choice(vec![
                    ("nl", "doclang.nl"),
                    ("fr", "doclang.fr"),
                    ("en", "doclang.en"),
                ]),
                true,
            ),
            ("doc_format", FieldKind::choice::<DocFormat>(), true),
        ];
        for e in self.template.extras() {
            match e {
                Extra::LeaveRequest => {
                    f.push(("request", FieldKind::Pick(self.requests.clone()), true))
                }
                Extra::Notice => f.extend([
                    ("notice_by", FieldKind::choice::<NoticeParty>(), true),
                    ("notified_on", Date, false),
                    ("registered_letter", YesNo, false),
                    ("contract_date", Date, false),
                ]),
                Extra::Maternity => f.extend([
                    ("expected_delivery", Date, true),
                    ("leave_from", Date, false),
                    ("multiple_birth", YesNo, false),
                ]),
                // Not offered in a dossier (see `templates`).
                Extra::Recipient | Extra::Meeting | Extra::Vacancy => {}
            }
        }
        f
    }

    pub fn form(&self, i18n: &I18n, who: &str) -> Form {
        let title = i18n.tf(
            "form.make_document",
            &[
                ("template", &i18n.t(self.template.label_key())),
                ("name", who),
            ],
        );
        Form::new(title, self.fields(), &self.base)
    }

    /// The errors of what is typed, or the dates the letter will carry (notice, maternity leave).
    pub fn review(&self, form: &Form, store: &Store, i18n: &I18n) -> Review {
        let opts = match form
            .values(&self.base)
            .validate(self.template, store.clock().today())
        {
            Ok(o) => o,
            Err(errors) => return errors.into(),
        };
        let mut notes = Vec::new();
        if let Some(n) = &opts.notice
            && let Ok(dossier) = store.employees().dossier(self.employee_id)
        {
            let company = store.settings().company().unwrap_or_default();
            let r = documents::notice_for(&dossier, n, &company);
            notes.push(i18n.tf(
                "form.notice_preview",
                &[
                    ("weeks", &r.weeks.to_string()),
                    ("start", &format_date(r.start)),
                    ("end", &format_date(r.end)),
                ],
            ));
        }
        if let Some(m) = &opts.maternity
            && let Ok(p) = crate::domain::maternity::plan(m.expected, m.leave_from, m.multiple)
        {
            notes.push(i18n.tf(
                "form.maternity_preview",
                &[
                    ("from", &format_date(p.leave_from)),
                    ("end", &format_date(p.end)),
                    ("earliest", &format_date(p.earliest_start)),
                ],
            ));
        }
        Review {
            errors: Default::default(),
            notes,
        }
    }

    /// Writes the letter; a problem with a field on the form shows beside it, any other in the banner.
    pub fn save(&self, form: &Form, store: &Store, i18n: &I18n) -> Result<Saved, StoreError> {
        let input = form.values(&self.base);
        let req = MakeRequest {
            template: self.template,
            employee_id: Some(self.employee_id),
            input: &input,
            default_lang: i18n.lang,
            out_dir: None,
            templates_dir: self.templates_dir.as_deref(),
        };
        match documents::make(store, &req) {
            Ok(_) => Ok(Saved {
                employee_id: self.employee_id,
                message_key: "msg.document_made",
            }),
            Err(DocError::Invalid(v)) => {
                let on_form = self.fields();
                if v.0.iter().all(|e| on_form.iter().any(|f| f.0 == e.field)) {
                    Err(StoreError::Invalid(v))
                } else {
                    let text = crate::errors::validation_lines(i18n, &v).join("; ");
                    Err(StoreError::Other(anyhow::anyhow!(text)))
                }
            }
            Err(DocError::Store(e)) => Err(e),
            Err(DocError::Template(t)) => Err(StoreError::Other(anyhow::anyhow!(
                i18n.tf("cli.template_error", &[("detail", &t)])
            ))),
            Err(DocError::Io(t)) => Err(StoreError::Other(anyhow::anyhow!(t))),
        }
    }
}

/// The person's leave requests, newest first, as "#12 14/12/2026 – 16/12/2026 Legal leave (Approved)".
fn request_options(store: &Store, employee_id: i64, i18n: &I18n) -> Vec<(String, String)> {
    let leave = store.leave();
    let types = leave.types().unwrap_or_default();
    let mut requests = leave.requests(employee_id).unwrap_or_default();
    requests.sort_by_key(|r| std::cmp::Reverse((r.from, r.id)));
    requests
        .iter()
        .map(|r| {
            let name = types
                .iter()
                .find(|t| t.id == r.type_id)
                .map(|t| t.name(i18n.lang.code()).to_string())
                .unwrap_or_default();
            (
                r.id.to_string(),
                format!(
                    "#{} {} – {} {name} ({})",
                    r.id,
                    format_date(r.from),
                    format_date(r.to),
                    i18n.choice(r.status)
                ),
            )
        })
        .collect()
}
