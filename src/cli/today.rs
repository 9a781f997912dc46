//! `dossier today`: the Today list (what needs attention, most urgent first) as text or JSON.

use serde::Serialize;

use super::out::outln;
use super::{CliError, Ctx, print_json};
use crate::domain::date::format_date;
use crate::domain::today::{Attention, Occasion};
use crate::store::Access;
use crate::today_text;

/// An item as JSON: the structured item with its line of text in the chosen language.
#[derive(Serialize)]
struct Item<'a> {
    #[serde(flatten)]
    item: &'a Attention,
    text: String,
}

#[derive(Serialize)]
struct Quiet<'a> {
    #[serde(flatten)]
    occasion: &'a Occasion,
    text: String,
}

#[derive(Serialize)]
struct Json<'a> {
    today: String,
    items: Vec<Item<'a>>,
    occasions: Vec<Quiet<'a>>,
    /// Set when a rule had more items than this: only its most urgent ones are listed.
    limited_to: Option<usize>,
}

pub fn run(ctx: &Ctx, json: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let store = ctx.open(Access::ReadOnly)?;
    let today = ctx.clock.today();
    let list = store
        .today()
        .list(today)
        .map_err(|e| CliError::store(i, &e))?;
    let types = store.leave().types().map_err(|e| CliError::store(i, &e))?;
    if json {
        return print_json(&Json {
            today: crate::domain::date::iso(today),
            items: list
                .items
                .iter()
                .map(|a| Item {
                    item: a,
                    text: today_text::what(i, a, &types),
                })
                .collect(),
            occasions: list
                .occasions
                .iter()
                .map(|o| Quiet {
                    occasion: o,
                    text: today_text::occasion(i, o),
                })
                .collect(),
            limited_to: list.limited,
        });
    }
    if list.items.is_empty() {
        outln!("{}", i.t("today.nothing"));
    } else {
        outln!("{}", today_text::summary(i, &list));
        outln!();
        for a in &list.items {
            let who = a
                .person
                .as_ref()
                .map_or_else(|| i.t("today.company"), |p| p.name.clone());
            outln!(
                "{}  {:<14} {:<24} {}",
                format_date(a.due),
                today_text::when(i, a.due, today),
                who,
                today_text::what(i, a, &types)
            );
        }
    }
    if !list.occasions.is_empty() {
        outln!();
        outln!("{}", i.t("today.occasions"));
        for o in &list.occasions {
            outln!(
                "{}  {:<24} {}",
                format_date(o.on),
                o.person.name,
                today_text::occasion(i, o)
            );
        }
    }
    Ok(())
}
