//! The selected person in the Leave tab's balance view: their balances, requests and sickness of
//! the year (the dossier's own `Absence`, so the two screens cannot disagree), the ledger rows behind
//! the balances, and which request or spell is selected.

use chrono::NaiveDate;

use crate::domain::leave::ledger::LedgerEntry;
use crate::domain::leave::schedule::Schedule;
use crate::store::{Store, StoreError};
use crate::ui::tabs::dossiers::absence::Absence;

/// A line the user can select and act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// Index into `absence.requests`.
    Request(usize),
    /// Index into `absence.spells`.
    Spell(usize),
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub absence: Absence,
    /// The schedule in force today, if one is known.
    pub schedule: Option<Schedule>,
    pub full_time_weekly_minutes: u32,
    /// This year's ledger rows, oldest first.
    pub ledger: Vec<LedgerEntry>,
    /// Requests and spells of the year by first day.
    pub items: Vec<Item>,
    pub selected: usize,
}

impl Person {
    pub fn load(store: &Store, id: i64, name: String, year: i32) -> Result<Person, StoreError> {
        let leave = store.leave();
        let absence = Absence::load_year(store, id, year)?;
        let today = store.clock().today();
        let mut dated: Vec<(NaiveDate, Item)> = absence
            .requests
            .iter()
            .enumerate()
            .map(|(i, r)| (r.from, Item::Request(i)))
            .chain(
                absence
                    .spells_in_year()
                    .map(|(i, s)| (s.start, Item::Spell(i))),
            )
            .collect();
        dated.sort_by_key(|(d, _)| *d);
        Ok(Person {
            id,
            name,
            schedule: leave.schedules(id)?.at(today).cloned(),
            full_time_weekly_minutes: leave.rules()?.full_time_weekly_minutes,
            ledger: leave
                .ledger(id)?
                .into_iter()
                .filter(|e| e.year == year)
                .collect(),
            items: dated.into_iter().map(|(_, i)| i).collect(),
            selected: 0,
            absence,
        })
    }

    /// Keeps the selection on the same kind of line after a reload, as near as the list allows.
    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.items.len().saturating_sub(1));
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.items.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
    }

    pub fn selected_item(&self) -> Option<Item> {
        self.items.get(self.selected).copied()
    }

    /// The selected request's id, if a request is selected.
    pub fn selected_request(&self) -> Option<i64> {
        match self.selected_item()? {
            Item::Request(i) => self.absence.requests.get(i).map(|r| r.id),
            Item::Spell(_) => None,
        }
    }

    /// The selected spell's id and the spell, if a spell is selected.
    pub fn selected_spell(&self) -> Option<(i64, &crate::domain::leave::sickness::SickSpell)> {
        match self.selected_item()? {
            Item::Spell(i) => Some((*self.absence.spell_ids.get(i)?, self.absence.spells.get(i)?)),
            Item::Request(_) => None,
        }
    }
}
