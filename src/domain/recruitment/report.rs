//! The per-vacancy report: where applicants came from, how far they got (from the dated stage
//! moves, not only where they stand now), how long a hire took, and why candidates were rejected.
//! Purged candidates count too: a purge keeps the channel, the moves and the rejection reason.

use chrono::NaiveDate;
use serde::Serialize;

use super::stage::{Pipeline, Stage};
use super::vacancy::Channel;
use crate::domain::choice::Choice;

/// One dated stage move of an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveFact {
    pub on: NaiveDate,
    pub to: Stage,
}

/// What the report needs of one application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationFacts {
    pub source: Channel,
    pub stage: Stage,
    /// The listed reason code while the application stands rejected.
    pub reject_reason: String,
    /// Its moves, oldest first; the first one is the application's arrival.
    pub moves: Vec<MoveFact>,
}

/// One step of the funnel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunnelStep {
    pub stage: Stage,
    /// Applications that got at least this far at some point.
    pub reached: u32,
    /// Applications standing at this stage today.
    pub now: u32,
}

/// Days from application to hire over the hires of the vacancy.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TimeToHire {
    pub count: u32,
    /// The middle value; halfway between the two middle ones for an even count.
    pub median_days: f64,
    pub min_days: i64,
    pub max_days: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VacancyReport {
    pub applicants: u32,
    /// Applicants per channel, most first.
    pub channels: Vec<(Channel, u32)>,
    /// The pipeline's stages, then rejected and withdrawn (whose `reached` is how many ended so).
    pub funnel: Vec<FunnelStep>,
    pub time_to_hire: Option<TimeToHire>,
    /// Rejection reason codes with their count, most first.
    pub rejections: Vec<(String, u32)>,
}

/// The furthest pipeline stage an application ever reached (a backward move takes nothing away).
fn furthest(pipeline: &Pipeline, a: &ApplicationFacts) -> Option<usize> {
    let pos = |s: Stage| pipeline.0.iter().position(|x| *x == s);
    a.moves
        .iter()
        .map(|m| m.to)
        .chain(std::iter::once(a.stage))
        .filter_map(pos)
        .max()
}

/// Days from arrival to the move to hired, for a hired application.
fn days_to_hire(a: &ApplicationFacts) -> Option<i64> {
    let arrived = a.moves.iter().map(|m| m.on).min()?;
    let hired = a.moves.iter().find(|m| m.to == Stage::Hired)?.on;
    Some((hired - arrived).num_days().max(0))
}

fn median(sorted: &[i64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2] as f64
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0
    }
}

/// Counts `keys`, most frequent first, ties in first-seen order of `order`.
fn ranked<K: PartialEq + Clone>(keys: impl Iterator<Item = K>, order: &[K]) -> Vec<(K, u32)> {
    let mut out: Vec<(K, u32)> = Vec::new();
    for k in keys {
        match out.iter_mut().find(|(x, _)| *x == k) {
            Some((_, n)) => *n += 1,
            None => out.push((k, 1)),
        }
    }
    let rank = |k: &K| order.iter().position(|x| x == k).unwrap_or(usize::MAX);
    out.sort_by(|a, b| b.1.cmp(&a.1).then(rank(&a.0).cmp(&rank(&b.0))));
    out
}

/// The report of one vacancy from its applications. `reasons` orders rejection reasons of equal count.
pub fn vacancy_report(
    pipeline: &Pipeline,
    reasons: &[String],
    apps: &[ApplicationFacts],
) -> VacancyReport {
    let furthest: Vec<Option<usize>> = apps.iter().map(|a| furthest(pipeline, a)).collect();
    let mut funnel: Vec<FunnelStep> = pipeline
        .0
        .iter()
        .enumerate()
        .map(|(i, s)| FunnelStep {
            stage: *s,
            reached: furthest
                .iter()
                .filter(|f| f.is_some_and(|f| f >= i))
                .count() as u32,
            now: apps.iter().filter(|a| a.stage == *s).count() as u32,
        })
        .collect();
    for end in [Stage::Rejected, Stage::Withdrawn] {
        let n = apps.iter().filter(|a| a.stage == end).count() as u32;
        funnel.push(FunnelStep {
            stage: end,
            reached: n,
            now: n,
        });
    }
    let mut days: Vec<i64> = apps
        .iter()
        .filter(|a| a.stage == Stage::Hired)
        .filter_map(days_to_hire)
        .collect();
    days.sort_unstable();
    let time_to_hire = (!days.is_empty()).then(|| TimeToHire {
        count: days.len() as u32,
        median_days: median(&days),
        min_days: days[0],
        max_days: days[days.len() - 1],
    });
    VacancyReport {
        applicants: apps.len() as u32,
        channels: ranked(apps.iter().map(|a| a.source), Channel::ALL),
        funnel,
        time_to_hire,
        rejections: ranked(
            apps.iter()
                .filter(|a| a.stage == Stage::Rejected)
                .map(|a| a.reject_reason.clone()),
            reasons,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stage::*;
    use proptest::prelude::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
    }

    /// An application that went through `path` (stage, day of March), ending where the path ends.
    fn app(source: Channel, path: &[(Stage, u32)], reason: &str) -> ApplicationFacts {
        ApplicationFacts {
            source,
            stage: path.last().unwrap().0,
            reject_reason: reason.into(),
            moves: path
                .iter()
                .map(|(s, day)| MoveFact {
                    on: d(*day),
                    to: *s,
                })
                .collect(),
        }
    }

    fn reasons() -> Vec<String> {
        super::super::RejectionReasons::default().0
    }

    fn step(r: &VacancyReport, s: Stage) -> (u32, u32) {
        let f = r.funnel.iter().find(|f| f.stage == s).unwrap();
        (f.reached, f.now)
    }

    #[test]
    fn the_funnel_counts_who_got_that_far_not_only_who_is_there() {
        let apps = [
            app(Channel::Vdab, &[(Received, 1)], ""),
            app(
                Channel::Vdab,
                &[(Received, 1), (Screened, 2), (Phone, 3)],
                "",
            ),
            // Rejected after the interview: still counted as having reached it.
            app(
                Channel::Website,
                &[(Received, 1), (Screened, 2), (Interview, 4), (Rejected, 5)],
                "experience",
            ),
            // Sent back from the interview to screening: the interview was reached all the same.
            app(
                Channel::LinkedIn,
                &[(Received, 1), (Interview, 3), (Screened, 6)],
                "",
            ),
        ];
        let r = vacancy_report(&Pipeline::default(), &reasons(), &apps);
        assert_eq!(r.applicants, 4);
        assert_eq!(step(&r, Received), (4, 1));
        assert_eq!(step(&r, Screened), (3, 1));
        assert_eq!(step(&r, Phone), (3, 1));
        assert_eq!(step(&r, Interview), (2, 0));
        assert_eq!(step(&r, Assessment), (0, 0));
        assert_eq!(step(&r, Rejected), (1, 1));
        assert_eq!(step(&r, Withdrawn), (0, 0));
        assert_eq!(
            r.channels,
            vec![
                (Channel::Vdab, 2),
                (Channel::Website, 1),
                (Channel::LinkedIn, 1)
            ]
        );
        assert_eq!(r.rejections, vec![("experience".to_string(), 1)]);
        assert_eq!(r.time_to_hire, None);
    }

    #[test]
    fn time_to_hire_runs_from_arrival_to_the_hire() {
        let hired = |arrived: u32, on: u32| {
            app(
                Channel::Vdab,
                &[(Received, arrived), (Offer, on - 1), (Hired, on)],
                "",
            )
        };
        let apps = [hired(1, 11), hired(2, 22), hired(3, 13), hired(1, 31)];
        let r = vacancy_report(&Pipeline::default(), &reasons(), &apps);
        let t = r.time_to_hire.unwrap();
        // 10, 20, 10, 30 days: the middle two are 10 and 20.
        assert_eq!((t.count, t.min_days, t.max_days), (4, 10, 30));
        assert_eq!(t.median_days, 15.0);
        let odd = vacancy_report(&Pipeline::default(), &reasons(), &apps[..3]);
        assert_eq!(odd.time_to_hire.unwrap().median_days, 10.0);
        assert_eq!(step(&r, Hired), (4, 4));
        assert_eq!(step(&r, Received), (4, 0));
    }

    #[test]
    fn rejection_reasons_most_first_ties_in_the_listed_order() {
        let rej = |reason: &str| app(Channel::School, &[(Received, 1), (Rejected, 2)], reason);
        let apps = [
            rej("salary"),
            rej("profile"),
            rej("salary"),
            rej("experience"),
        ];
        let r = vacancy_report(&Pipeline::default(), &reasons(), &apps);
        assert_eq!(
            r.rejections,
            vec![
                ("salary".to_string(), 2),
                ("profile".to_string(), 1),
                ("experience".to_string(), 1)
            ]
        );
    }

    #[test]
    fn a_vacancy_without_applicants_has_an_empty_report() {
        let r = vacancy_report(&Pipeline::default(), &reasons(), &[]);
        assert_eq!(r.applicants, 0);
        assert!(r.channels.is_empty() && r.rejections.is_empty());
        assert!(r.funnel.iter().all(|f| f.reached == 0 && f.now == 0));
    }

    proptest! {
        /// Whatever the paths, the funnel never grows from one pipeline stage to the next, and the
        /// applicants standing at each stage add up to everyone.
        #[test]
        fn the_funnel_narrows(paths in proptest::collection::vec(
            proptest::collection::vec(0usize..10, 1..6), 0..20)) {
            let apps: Vec<ApplicationFacts> = paths.iter().map(|p| {
                let path: Vec<(Stage, u32)> = std::iter::once((Received, 1))
                    .chain(p.iter().enumerate().map(|(i, s)| (Stage::ALL[*s], i as u32 + 2)))
                    .collect();
                app(Channel::Vdab, &path, "profile")
            }).collect();
            let r = vacancy_report(&Pipeline::default(), &reasons(), &apps);
            let steps = Pipeline::default().0.len();
            for w in r.funnel[..steps].windows(2) {
                prop_assert!(w[0].reached >= w[1].reached);
            }
            prop_assert_eq!(r.funnel[0].reached, apps.len() as u32);
            prop_assert_eq!(r.funnel.iter().map(|f| f.now).sum::<u32>(), apps.len() as u32);
        }
    }
}
