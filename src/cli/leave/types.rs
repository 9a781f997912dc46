//! `dossier leave types` and `dossier leave type CODE …`: the company's leave types, and adding or
//! changing one. Flags not given keep the type's current values.

use crate::cli::out::outln;
use crate::cli::{CliError, Ctx, LeaveTypeArgs, print_json};
use crate::domain::input::TextInput;
use crate::domain::leave::leave_type::LeaveTypeInput;
use crate::store::Access;

pub fn list(ctx: &Ctx, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let types = store.leave().types().map_err(|e| CliError::store(i, &e))?;
    if json {
        return print_json(&types);
    }
    let yes_no = |b: bool| i.t(if b { "cli.yes" } else { "cli.no" });
    outln!(
        "{:<22} {:<2} {:<40} {:<24} {:<5} {:<5} {:<7} {}",
        i.t("col.code"),
        "",
        i.t("col.name"),
        i.t("col.counting"),
        i.t("col.paid"),
        i.t("col.certificate"),
        i.t("col.payroll"),
        i.t("col.active")
    );
    for t in &types {
        outln!(
            "{:<22} {:<2} {:<40} {:<24} {:<5} {:<5} {:<7} {}",
            t.code,
            t.letter,
            t.name(i.lang.code()),
            i.choice(t.counting),
            yes_no(t.paid),
            yes_no(t.certificate),
            t.payroll_code,
            yes_no(t.active)
        );
    }
    Ok(())
}

pub fn save(ctx: &Ctx, args: LeaveTypeArgs) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadWrite)?;
    let leave = store.leave();
    let mut input = match leave.type_by_code(args.code.trim()) {
        Ok(t) => LeaveTypeInput::from_type(&t),
        Err(_) => LeaveTypeInput {
            code: args.code.trim().to_string(),
            paid: "yes".into(),
            certificate: "no".into(),
            active: "yes".into(),
            ..Default::default()
        },
    };
    let given = [
        ("name_nl", args.name_nl),
        ("name_fr", args.name_fr),
        ("name_en", args.name_en),
        ("counting", args.counting),
        ("paid", args.paid),
        ("certificate", args.certificate),
        ("payroll_code", args.payroll_code),
        ("colour", args.colour),
        ("letter", args.letter),
        ("days_per_event", args.days_per_event),
        ("days_per_year", args.days_per_year),
        ("active", args.active),
    ];
    for (field, value) in given {
        if let Some(v) = value {
            input.set(field, v);
        }
    }
    let t = leave
        .save_type(&input)
        .map_err(|e| CliError::store(i, &e))?;
    outln!(
        "{}",
        i.tf(
            "cli.type_saved",
            &[("code", &t.code), ("name", t.name(i.lang.code()))]
        )
    );
    Ok(())
}
