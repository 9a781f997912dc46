//! Screening a CV against the vacancy's profile: each criterion met, not met or unclear, giving a score.

use serde::Serialize;

use super::vacancy::{Criterion, Requirement};
use crate::choice_enum;

choice_enum!(
    /// The assessment of one criterion for one candidate.
    Answer, "answer" { Met => "met", NotMet => "not_met", Unclear => "unclear" }
);

/// The screening result: weighted points (an unclear criterion counts half), out of the maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Score {
    /// In half points, so "unclear" needs no fractions.
    pub half_points: u32,
    pub max_half_points: u32,
    /// Criteria not answered yet.
    pub open: u32,
    /// A required criterion is not met: a knock-out, whatever the points.
    pub knocked_out: bool,
}

impl Score {
    /// 0–100, rounded; 0 when the vacancy has no criteria.
    pub fn percent(&self) -> u32 {
        if self.max_half_points == 0 {
            return 0;
        }
        (self.half_points * 100 + self.max_half_points / 2) / self.max_half_points
    }
}

/// Scores the answers given (criterion id → answer) against the criteria; missing ones stay open.
pub fn score(criteria: &[Criterion], answers: &[(i64, Answer)]) -> Score {
    let mut s = Score::default();
    for c in criteria {
        let w = u32::from(c.weight) * 2;
        s.max_half_points += w;
        match answers.iter().find(|(id, _)| *id == c.id).map(|(_, a)| *a) {
            Some(Answer::Met) => s.half_points += w,
            Some(Answer::Unclear) => s.half_points += w / 2,
            Some(Answer::NotMet) => s.knocked_out |= c.requirement == Requirement::Required,
            None => s.open += 1,
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(id: i64, requirement: Requirement, weight: u8) -> Criterion {
        Criterion {
            id,
            text: format!("c{id}"),
            requirement,
            weight,
        }
    }

    #[test]
    fn weights_count_and_unclear_counts_half() {
        let cs = [c(1, Requirement::Required, 3), c(2, Requirement::Nice, 1)];
        let s = score(&cs, &[(1, Answer::Met), (2, Answer::Unclear)]);
        assert_eq!((s.half_points, s.max_half_points), (7, 8));
        assert_eq!(s.percent(), 88);
        assert!(!s.knocked_out);
        assert_eq!(s.open, 0);
    }

    #[test]
    fn a_required_criterion_not_met_knocks_out() {
        let cs = [c(1, Requirement::Required, 1), c(2, Requirement::Nice, 5)];
        let s = score(&cs, &[(1, Answer::NotMet), (2, Answer::Met)]);
        assert!(s.knocked_out);
        assert_eq!(s.percent(), 83);
        let nice = score(&cs, &[(1, Answer::Met), (2, Answer::NotMet)]);
        assert!(!nice.knocked_out);
    }

    #[test]
    fn unanswered_criteria_stay_open_and_no_criteria_scores_zero() {
        let cs = [c(1, Requirement::Nice, 2)];
        assert_eq!(score(&cs, &[]).open, 1);
        assert_eq!(score(&[], &[]).percent(), 0);
    }

    proptest! {
        #[test]
        fn the_score_is_a_percentage_and_all_met_is_100(
            weights in proptest::collection::vec(1u8..=10, 1..12),
            answers in proptest::collection::vec(0usize..3, 12),
        ) {
            let cs: Vec<Criterion> = weights.iter().enumerate()
                .map(|(i, w)| c(i as i64, Requirement::Nice, *w)).collect();
            let given: Vec<(i64, Answer)> = cs.iter().zip(&answers)
                .map(|(c, a)| (c.id, [Answer::Met, Answer::NotMet, Answer::Unclear][*a])).collect();
            prop_assert!(score(&cs, &given).percent() <= 100);
            let all: Vec<(i64, Answer)> = cs.iter().map(|c| (c.id, Answer::Met)).collect();
            prop_assert_eq!(score(&cs, &all).percent(), 100);
        }
    }
}
