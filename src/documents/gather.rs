//! Reads what a template needs from the store and turns it into a [`DocContext`].

use super::DocError;
use super::catalog::TemplateId;
use super::context::*;
use super::input::MakeOptions;
use crate::domain::company::CompanySettings;
use crate::domain::contract::current_contract;
use crate::domain::error::{FieldError, ValidationErrors};
use crate::domain::maternity;
use crate::domain::notice::{self, NoticeInput};
use crate::i18n::I18n;
use crate::store::Store;

fn invalid(field: &'static str, key: &'static str) -> DocError {
    DocError::Invalid(ValidationErrors(vec![FieldError::new(field, key)]))
}

/// The notice for the employee of `dossier`: seniority from the dossier, the contract date from the
/// choice or else the running contract (its signature date, else its start).
pub fn notice_for(
    dossier: &crate::store::Dossier,
    n: &super::input::NoticeChoice,
    company: &CompanySettings,
) -> notice::Notice {
    let e = &dossier.employee.data;
    let contract_date = n.contract_date.unwrap_or_else(|| {
        current_contract(&dossier.contracts, n.notified_on)
            .map(|c| c.data.signed_on.unwrap_or(c.data.start))
            .unwrap_or(e.start_date)
    });
    notice::compute(&NoticeInput {
        seniority_from: e.seniority_date,
        contract_date,
        notified_on: n.notified_on,
        by: n.by,
        registered_letter: n.registered_letter,
        cap_from: company.notice_cap_from(),
    })
}

/// The context for one document. `employee_id` is required for templates addressed to an employee.
pub(super) fn context(
    store: &Store,
    template: TemplateId,
    employee_id: Option<i64>,
    opts: &MakeOptions,
    company: &CompanySettings,
    i: &I18n,
) -> Result<DocContext, DocError> {
    let today = store.clock().today();
    if !template.needs_employee() {
        let mut ctx = match opts.recipient.as_ref() {
            Some(r) => {
                let mut ctx = DocContext::base(
                    company,
                    today,
                    &r.name,
                    &r.address.join("  \n"),
                    salutation(None, "", &r.name, i),
                    i,
                );
                ctx.recipient = Some(RecipientView::new(r));
                ctx
            }
            // A text for everyone (the vacancy text) has no addressee.
            None if !template
                .extras()
                .contains(&super::catalog::Extra::Recipient) =>
            {
                DocContext::base(company, today, "", "", String::new(), i)
            }
            None => return Err(invalid("to_name", "err.required")),
        };
        if let Some(id) = opts.vacancy_id {
            let v = store.recruitment().vacancy(id).map_err(DocError::Store)?;
            ctx.vacancy = Some(VacancyView::new(&v, i));
        }
        return Ok(ctx);
    }
    let id = employee_id.ok_or_else(|| invalid("employee", "err.required"))?;
    let dossier = store.employees().dossier(id).map_err(DocError::Store)?;
    let e = &dossier.employee.data;
    let manager = dossier.manager.as_ref().map(|(_, name)| name.as_str());
    let view = EmployeeView::new(e, dossier.departure.as_ref(), manager, i);
    let mut ctx = DocContext::base(
        company,
        today,
        &view.full_name,
        &view.address,
        salutation(Some(e.sex), &e.first_name, &e.last_name, i),
        i,
    );
    let contract = current_contract(&dossier.contracts, today);
    ctx.contract = contract.map(|c| ContractView::new(&c.data, i));
    if template == TemplateId::ContractDraft && ctx.contract.is_none() {
        return Err(invalid("contract", "err.no_contract"));
    }
    match template {
        TemplateId::LeaveConfirmation => {
            let rid = opts
                .request
                .ok_or_else(|| invalid("request", "err.required"))?;
            let leave = store.leave();
            let r = leave.request(rid).map_err(DocError::Store)?;
            if r.employee_id != id {
                return Err(invalid("request", "err.request_other"));
            }
            let types = leave.types().map_err(DocError::Store)?;
            let name = types
                .iter()
                .find(|t| t.id == r.type_id)
                .map(|t| t.name(i.lang.code()).to_string())
                .unwrap_or_default();
            ctx.leave = Some(LeaveView::new(&r, &name, i));
        }
        TemplateId::SicknessInformation => {
            let spells = store.leave().sick_spells(id).map_err(DocError::Store)?;
            let latest = spells.iter().map(|(_, s)| s).max_by_key(|s| s.start);
            ctx.sickness = Some(SicknessView::new(latest));
        }
        TemplateId::TerminationLetter => {
            let n = opts
                .notice
                .ok_or_else(|| invalid("notice_by", "err.required"))?;
            let result = notice_for(&dossier, &n, company);
            ctx.notice = Some(NoticeView::new(
                &result,
                n.by,
                n.notified_on,
                n.registered_letter,
                company.notice_cap_from(),
                i,
            ));
        }
        TemplateId::MaternityInformation => {
            let m = opts
                .maternity
                .ok_or_else(|| invalid("expected_delivery", "err.required"))?;
            let plan = maternity::plan(m.expected, m.leave_from, m.multiple)
                .map_err(|e| DocError::Invalid(ValidationErrors(vec![e])))?;
            ctx.maternity = Some(MaternityView::new(&plan));
        }
        TemplateId::ParentalLeaveInformation => {
            let months = notice::completed_months(e.seniority_date, today);
            ctx.parental = Some(ParentalView {
                seniority_months: months,
                meets_seniority: months >= 12,
                full_time: contract.is_some_and(|c| c.data.fte_permille() >= 1000),
            });
        }
        _ => {}
    }
    ctx.employee = Some(view);
    Ok(ctx)
}
