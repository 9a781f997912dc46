//! `dossier validate rrn|iban|vat VALUE`: says whether an identifier is valid and, if not, why.

use super::out::outln;
use super::{CliError, Ctx};
use crate::domain::date::format_date;
use crate::domain::ids::{CompanyNumber, Iban, Rrn};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum IdKind {
    /// National register number or BIS number
    Rrn,
    /// Bank account (IBAN; Belgian ones also get the BBAN check)
    Iban,
    /// Enterprise number or VAT number
    Vat,
}

pub fn run(ctx: &Ctx, kind: IdKind, value: &str) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let outcome = match kind {
        IdKind::Rrn => Rrn::parse(value).map(|r| {
            let born = r
                .birth_date
                .map(format_date)
                .unwrap_or_else(|| r.birth_year.to_string());
            let what = if r.is_bis {
                i.t("cli.bis_number")
            } else {
                i.t("field.rrn")
            };
            format!(
                "{} — {what}, {} {born}",
                r.formatted(),
                i.t("field.birth_date").to_lowercase()
            )
        }),
        IdKind::Iban => Iban::parse(value).map(|v| v.formatted()),
        IdKind::Vat => {
            CompanyNumber::parse(value).map(|v| format!("{} (BE{})", v.formatted(), v.digits()))
        }
    };
    match outcome {
        Ok(text) => {
            outln!("{}: {text}", i.t("cli.valid"));
            Ok(())
        }
        Err(e) => Err(CliError::input(format!(
            "{}: {}",
            i.t("cli.invalid"),
            i.t(e.key())
        ))),
    }
}
