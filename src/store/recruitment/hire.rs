//! Hiring: one transaction turns the application into an employee dossier (through the same path
//! as a new dossier, so the onboarding checklist and the Dimona IN follow), moves the candidate's
//! files into the dossier and counts the position as filled.

use chrono::NaiveDate;
use rusqlite::params;

use super::super::rows::iso;
use super::super::{Result, StoreError, Tx};
use super::RecruitmentRepo;
use crate::domain::choice::Choice;
use crate::domain::contract::ContractInput;
use crate::domain::date::format_opt_date;
use crate::domain::employee::{Employee, EmployeeInput};
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::money::format_minutes;
use crate::domain::records::{Document, DocumentKind};
use crate::domain::recruitment::Stage;

/// What hiring needs beyond the application: the employee number (empty: the next free one),
/// the first working day (empty: the vacancy's wanted start), and an end date for fixed terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HireInput {
    pub number: String,
    pub start_date: String,
    pub end_date: String,
    /// white_collar, blue_collar…; empty: white-collar.
    pub category: String,
}

/// A spot where a test makes the hire fail half-way, to prove nothing of it remains.
type Fault<'a> = &'a dyn Fn(&str) -> Result<()>;

fn no_fault(_: &str) -> Result<()> {
    Ok(())
}

/// "CNC-operator (m/v/x)" → "CNC-operator": the dossier's job title without the vacancy habit.
pub fn job_title(title: &str) -> String {
    let t = title.trim();
    for tail in ["(m/v/x)", "(h/f/x)", "(m/f/x)", "(m/w/x)"] {
        if let Some(s) = t.strip_suffix(tail) {
            return s.trim().to_string();
        }
    }
    t.to_string()
}

impl Tx<'_> {
    /// "E0043" after the highest "E…" number in use.
    fn next_number(&self) -> Result<String> {
        let max: Option<i64> = self.conn.query_row(
            "SELECT max(CAST(substr(number, 2) AS INTEGER)) FROM employees
             WHERE number GLOB 'E[0-9]*' AND substr(number, 2) NOT GLOB '*[^0-9]*'",
            [],
            |r| r.get(0),
        )?;
        Ok(format!("E{:04}", max.unwrap_or(0) + 1))
    }
}

impl RecruitmentRepo<'_> {
    /// Hires the candidate of an application at the offer stage. Returns the new employee.
    pub fn hire(&self, application_id: i64, input: &HireInput) -> Result<Employee> {
        self.hire_with(application_id, input, &no_fault)
    }

    fn hire_with(
        &self,
        application_id: i64,
        input: &HireInput,
        fault: Fault<'_>,
    ) -> Result<Employee> {
        let app = self.application(application_id)?;
        if app.stage != Stage::Offer {
            let label = app.stage.code();
            return Err(StoreError::Invalid(ValidationErrors(vec![
                FieldError::new("stage", "err.hire_not_offer").arg("stage", label),
            ])));
        }
        let cand = self.candidate(app.candidate_id)?;
        let vacancy = self.vacancy(app.vacancy_id)?;
        let today = self.store.clock().today();
        let start = if input.start_date.trim().is_empty() {
            format_opt_date(Some(default_start(vacancy.data.start_wanted, today)))
        } else {
            input.start_date.clone()
        };
        let start_day = crate::domain::date::parse_date(&start);
        let number = if input.number.trim().is_empty() {
            self.store.write(|tx| tx.next_number())?
        } else {
            input.number.clone()
        };
        let employee = EmployeeInput {
            number,
            first_name: cand.data.first_name.clone(),
            last_name: cand.data.last_name.clone(),
            phone: cand.data.phone.clone(),
            email_private: cand.data.email.clone(),
            language: cand.data.language.code().into(),
            department: vacancy.data.department.clone(),
            job_title: job_title(&vacancy.data.title),
            manager: vacancy.data.reports_to.clone(),
            category: input.category.clone(),
            start_date: start.clone(),
            status: if start_day.is_some_and(|d| d > today) {
                "hired"
            } else {
                "active"
            }
            .into(),
            ..Default::default()
        };
        let contract = ContractInput {
            kind: vacancy.data.contract.code().into(),
            start,
            end: input.end_date.clone(),
            weekly_hours: format_minutes(vacancy.data.weekly_minutes),
            ..Default::default()
        };
        let (data, contract) = self
            .store
            .employees()
            .validate_new(&employee, Some(&contract))?;
        let files = self.files(cand.id)?;
        let policy = self.retention()?;
        let files_dir = self.store.files_dir.clone();
        let mut moved: Vec<(std::path::PathBuf, std::path::PathBuf)> = Vec::new();
        let result = self.store.write(|tx| {
            let emp = tx.create_employee(&data, contract.as_ref(), today)?;
            fault("after_employee")?;
            for f in &files {
                let name = f.stored_name.rsplit('/').next().unwrap_or(&f.stored_name);
                let stored = format!("{}/{name}", emp.id);
                let doc = Document {
                    id: 0,
                    kind: DocumentKind::Other,
                    title: f.title.clone(),
                    original_name: f.original_name.clone(),
                    stored_name: stored.clone(),
                    dated: Some(f.added_on),
                    expires: None,
                    added_on: today,
                };
                let id = tx.insert_document(emp.id, &doc)?;
                tx.audit("document", id, Some(emp.id), "create", None::<&()>, Some(&doc))?;
                tx.conn.execute("DELETE FROM candidate_files WHERE id = ?1", [f.id])?;
                let (from, to) = (files_dir.join(&f.stored_name), files_dir.join(&stored));
                if from.is_file() {
                    super::super::files::create_private_dir(to.parent().unwrap_or(&files_dir))?;
                    std::fs::rename(&from, &to).map_err(|e| StoreError::Other(anyhow::anyhow!("cannot move {}: {e}", from.display())))?;
                    moved.push((from, to));
                }
            }
            fault("after_files")?;
            tx.conn.execute(
                "UPDATE applications SET stage = 'hired', stage_since = ?2, ended_on = ?2, employee_id = ?3 WHERE id = ?1",
                params![application_id, iso(Some(today)), emp.id],
            )?;
            tx.conn.execute(
                "INSERT INTO stage_moves (application_id, on_date, from_stage, to_stage, kind) VALUES (?1, ?2, 'offer', 'hired', 'forward')",
                params![application_id, iso(Some(today))],
            )?;
            tx.audit("application", application_id, Some(emp.id), "hire", Some(&Stage::Offer), Some(&Stage::Hired))?;
            fault("after_application")?;
            tx.conn.execute(
                "UPDATE vacancies SET filled = filled + 1,
                 status = CASE WHEN filled + 1 >= positions THEN 'filled' ELSE status END,
                 closed_on = CASE WHEN filled + 1 >= positions THEN coalesce(closed_on, ?2) ELSE closed_on END
                 WHERE id = ?1",
                params![app.vacancy_id, iso(Some(today))],
            )?;
            tx.audit("vacancy", app.vacancy_id, None, "fill", Some(&vacancy.filled), Some(&(vacancy.filled + 1)))?;
            tx.refresh_retention(cand.id, &policy)?;
            tx.refresh_vacancy_retention(app.vacancy_id, &policy)?;
            fault("before_commit")?;
            Ok(emp)
        });
        if result.is_err() {
            // The transaction rolled back: put the files back where the candidate's records say.
            for (from, to) in moved.iter().rev() {
                let _ = std::fs::rename(to, from);
            }
        }
        result
    }
}

/// The day a hire starts when none is typed (for the confirmation question).
pub fn default_start(wanted: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    wanted.unwrap_or(today).max(today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use crate::domain::recruitment::{CandidateInput, VacancyInput};
    use crate::store::recruitment::Link;
    use crate::store::{Access, Store};

    fn setup() -> (tempfile::TempDir, Store, i64, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        let store = Store::open(
            &dir.path().join("t.db"),
            Access::ReadWrite,
            Clock::Day(today),
        )
        .unwrap();
        let r = store.recruitment();
        let v = r
            .add_vacancy(
                &VacancyInput {
                    title: "Welder (m/v/x)".into(),
                    department: "Workshop".into(),
                    start_wanted: "04/05/2026".into(),
                    status: "open".into(),
                    ..Default::default()
                },
                &[],
                &[],
                &[],
            )
            .unwrap();
        let (c, app) = r
            .add_candidate(
                &CandidateInput {
                    first_name: "Jonas".into(),
                    last_name: "Peeters".into(),
                    email: "jonas@example.be".into(),
                    ..Default::default()
                },
                v.id,
                Link::Refuse,
            )
            .unwrap();
        let cv = dir.path().join("cv.pdf");
        std::fs::write(&cv, b"%PDF cv").unwrap();
        r.attach_file(c.id, &cv, "CV").unwrap();
        r.move_stage(app, Stage::Offer, "").unwrap();
        let stored = store.files_dir.join(&r.files(c.id).unwrap()[0].stored_name);
        (dir, store, app, stored)
    }

    #[test]
    fn a_hire_makes_the_dossier_moves_the_files_and_fills_the_vacancy() {
        let (_d, store, app, cv) = setup();
        let emp = store
            .recruitment()
            .hire(app, &HireInput::default())
            .unwrap();
        assert_eq!(emp.data.number, "E0001");
        assert_eq!(emp.data.job_title, "Welder");
        assert_eq!(
            emp.data.start_date,
            NaiveDate::from_ymd_opt(2026, 5, 4).unwrap()
        );
        let a = store.recruitment().application(app).unwrap();
        assert_eq!(a.stage, Stage::Hired);
        assert_eq!(store.recruitment().vacancy(a.vacancy_id).unwrap().filled, 1);
        let docs = store.records().documents(emp.id).unwrap();
        assert_eq!(docs.len(), 1);
        assert!(!cv.exists());
        assert!(store.records().document_path(&docs[0]).is_file());
        assert!(!store.checklists().for_employee(emp.id).unwrap().is_empty());
    }

    #[test]
    fn a_hire_failing_half_way_leaves_nothing() {
        for point in [
            "after_employee",
            "after_files",
            "after_application",
            "before_commit",
        ] {
            let (_d, store, app, cv) = setup();
            let fail = |p: &str| -> Result<()> {
                if p == point {
                    Err(StoreError::Other(anyhow::anyhow!("injected at {p}")))
                } else {
                    Ok(())
                }
            };
            let r = store.recruitment();
            assert!(
                r.hire_with(app, &HireInput::default(), &fail).is_err(),
                "{point}"
            );
            let n: i64 = store
                .conn()
                .query_row("SELECT count(*) FROM employees", [], |r| r.get(0))
                .unwrap();
            assert_eq!(n, 0, "{point}: an employee remained");
            let a = r.application(app).unwrap();
            assert_eq!(a.stage, Stage::Offer, "{point}");
            assert_eq!(r.vacancy(a.vacancy_id).unwrap().filled, 0, "{point}");
            assert_eq!(r.files(a.candidate_id).unwrap().len(), 1, "{point}");
            assert!(cv.is_file(), "{point}: the CV was not put back");
        }
    }

    #[test]
    fn only_an_offer_can_be_hired() {
        let (_d, store, app, _) = setup();
        let r = store.recruitment();
        r.move_stage(app, Stage::Interview, "negotiation restarted")
            .unwrap();
        assert!(matches!(
            r.hire(app, &HireInput::default()),
            Err(StoreError::Invalid(_))
        ));
    }

    #[test]
    fn job_titles_lose_the_gender_habit() {
        assert_eq!(job_title("Boekhouder (m/v/x)"), "Boekhouder");
        assert_eq!(job_title("Comptable (h/f/x)"), "Comptable");
        assert_eq!(job_title("Planner"), "Planner");
    }
}
