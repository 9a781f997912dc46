//! The pipeline a candidate goes through for one vacancy, and which moves between stages are allowed.

use serde::{Deserialize, Serialize};

use crate::choice_enum;
use crate::domain::choice::Choice;
use crate::domain::error::FieldError;

choice_enum!(
    /// Stages of Belgian practice. `Rejected` and `Withdrawn` end the procedure from any stage;
    /// `Hired` is reached only through the hire action, which creates the dossier.
    Stage, "stage" {
        Received => "received",
        Screened => "screened",
        Phone => "phone",
        Interview => "interview",
        Assessment => "assessment",
        References => "references",
        Offer => "offer",
        Hired => "hired",
        Rejected => "rejected",
        Withdrawn => "withdrawn",
    }
);

impl Stage {
    /// The procedure is over for this application.
    pub fn is_final(self) -> bool {
        matches!(self, Stage::Hired | Stage::Rejected | Stage::Withdrawn)
    }
}

/// The ordered stages a company uses (a setting). Always starts with `Received` and ends with
/// `Hired`; a company may leave out steps it does not do (e.g. no assessment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pipeline(pub Vec<Stage>);

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline(vec![
            Stage::Received,
            Stage::Screened,
            Stage::Phone,
            Stage::Interview,
            Stage::Assessment,
            Stage::References,
            Stage::Offer,
            Stage::Hired,
        ])
    }
}

impl Pipeline {
    /// Repairs a stored list: keeps known stages once, in the order given, and puts `Received`
    /// first and `Hired` last; `Rejected`/`Withdrawn` are not pipeline steps.
    pub fn normalized(&self) -> Pipeline {
        let mut out = vec![Stage::Received];
        for s in &self.0 {
            if !s.is_final() && !out.contains(s) {
                out.push(*s);
            }
        }
        out.push(Stage::Hired);
        Pipeline(out)
    }

    fn position(&self, s: Stage) -> Option<usize> {
        self.0.iter().position(|x| *x == s)
    }

    /// The stage one key moves to. `None` from the offer (hiring is its own action) and from an end.
    pub fn next(&self, from: Stage) -> Option<Stage> {
        let i = self.position(from)?;
        self.0.get(i + 1).copied().filter(|s| *s != Stage::Hired)
    }

    /// Columns of the board: the pipeline, then the two ways out.
    pub fn columns(&self) -> Vec<Stage> {
        let mut c = self.0.clone();
        c.push(Stage::Rejected);
        c.push(Stage::Withdrawn);
        c
    }
}

/// Reasons for a rejection the company offers (a setting): job-related only (CAO 38).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RejectionReasons(pub Vec<String>);

impl Default for RejectionReasons {
    fn default() -> Self {
        RejectionReasons(
            [
                "profile",
                "experience",
                "qualification",
                "language",
                "availability",
                "salary",
                "better_candidate",
                "no_show",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        )
    }
}

impl RejectionReasons {
    pub fn find(&self, code: &str) -> Option<&str> {
        let c = code.trim();
        self.0
            .iter()
            .find(|r| r.eq_ignore_ascii_case(c))
            .map(|s| s.as_str())
    }
}

/// What kind of move was made; the history records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    Forward,
    Backward,
    Rejection,
    Withdrawal,
}

/// Decides whether `from → to` is allowed. `reason` is the typed reason: a code of `reasons` for a
/// rejection, free text for a backward move (required) or a withdrawal (optional).
pub fn check_move(
    pipeline: &Pipeline,
    from: Stage,
    to: Stage,
    reason: &str,
    reasons: &RejectionReasons,
) -> Result<MoveKind, FieldError> {
    if from == to {
        return Err(FieldError::new("stage", "err.stage_same"));
    }
    if from == Stage::Hired {
        return Err(FieldError::new("stage", "err.stage_hired_final"));
    }
    if to == Stage::Hired {
        return Err(FieldError::new("stage", "err.stage_use_hire"));
    }
    match to {
        Stage::Rejected => {
            return reasons
                .find(reason)
                .map(|_| MoveKind::Rejection)
                .ok_or_else(|| {
                    FieldError::new("reason", "err.reject_reason")
                        .arg("value", reason.trim())
                        .arg("options", reasons.0.join(", "))
                });
        }
        Stage::Withdrawn => return Ok(MoveKind::Withdrawal),
        _ => {}
    }
    let Some(to_i) = pipeline.position(to) else {
        return Err(FieldError::new("stage", "err.stage_not_in_pipeline").arg("value", to.code()));
    };
    // Reopening a rejected or withdrawn application goes back in time: it needs a reason too.
    let backward = match pipeline.position(from) {
        Some(from_i) => to_i < from_i,
        None => true,
    };
    if backward {
        if reason.trim().is_empty() {
            return Err(FieldError::new("reason", "err.stage_back_reason"));
        }
        return Ok(MoveKind::Backward);
    }
    Ok(MoveKind::Forward)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p() -> Pipeline {
        Pipeline::default()
    }

    #[test]
    fn one_key_walks_the_default_pipeline_up_to_the_offer() {
        let mut s = Stage::Received;
        let mut seen = vec![s];
        while let Some(n) = p().next(s) {
            s = n;
            seen.push(s);
        }
        assert_eq!(s, Stage::Offer);
        assert_eq!(seen.len(), 7);
    }

    #[test]
    fn forward_is_free_backward_needs_a_reason() {
        let r = RejectionReasons::default();
        assert_eq!(
            check_move(&p(), Stage::Received, Stage::Interview, "", &r),
            Ok(MoveKind::Forward)
        );
        assert_eq!(
            check_move(&p(), Stage::Interview, Stage::Screened, "", &r)
                .unwrap_err()
                .key,
            "err.stage_back_reason"
        );
        assert_eq!(
            check_move(&p(), Stage::Interview, Stage::Screened, "CV re-read", &r),
            Ok(MoveKind::Backward)
        );
    }

    #[test]
    fn rejection_needs_a_listed_reason_and_withdrawal_does_not() {
        let r = RejectionReasons::default();
        assert_eq!(
            check_move(&p(), Stage::Phone, Stage::Rejected, "Experience", &r),
            Ok(MoveKind::Rejection)
        );
        let e = check_move(&p(), Stage::Phone, Stage::Rejected, "too old", &r).unwrap_err();
        assert_eq!((e.field, e.key), ("reason", "err.reject_reason"));
        assert_eq!(
            check_move(&p(), Stage::Offer, Stage::Withdrawn, "", &r),
            Ok(MoveKind::Withdrawal)
        );
    }

    #[test]
    fn hired_is_only_reached_by_hiring_and_never_left() {
        let r = RejectionReasons::default();
        assert!(check_move(&p(), Stage::Offer, Stage::Hired, "", &r).is_err());
        assert!(check_move(&p(), Stage::Hired, Stage::Rejected, "profile", &r).is_err());
    }

    #[test]
    fn reopening_a_rejection_is_a_backward_move() {
        let r = RejectionReasons::default();
        assert!(check_move(&p(), Stage::Rejected, Stage::Interview, "", &r).is_err());
        assert_eq!(
            check_move(&p(), Stage::Rejected, Stage::Interview, "mistake", &r),
            Ok(MoveKind::Backward)
        );
    }

    #[test]
    fn a_stage_the_company_left_out_is_refused() {
        let short = Pipeline(vec![
            Stage::Received,
            Stage::Interview,
            Stage::Offer,
            Stage::Hired,
        ]);
        let r = RejectionReasons::default();
        let e = check_move(&short, Stage::Received, Stage::Assessment, "", &r).unwrap_err();
        assert_eq!(e.key, "err.stage_not_in_pipeline");
        assert_eq!(short.next(Stage::Received), Some(Stage::Interview));
    }

    #[test]
    fn a_stored_pipeline_is_repaired() {
        let odd = Pipeline(vec![
            Stage::Offer,
            Stage::Rejected,
            Stage::Offer,
            Stage::Phone,
        ]);
        assert_eq!(
            odd.normalized().0,
            vec![Stage::Received, Stage::Offer, Stage::Phone, Stage::Hired]
        );
    }

    proptest! {
        /// Whatever the move, the rule never lets anyone reach Hired or leave it, and every allowed
        /// move with an empty reason is forward (or a withdrawal).
        #[test]
        fn moves_respect_the_invariants(a in 0usize..10, b in 0usize..10, with_reason: bool) {
            let from = Stage::ALL[a];
            let to = Stage::ALL[b];
            let reason = if with_reason { "profile" } else { "" };
            let r = check_move(&p(), from, to, reason, &RejectionReasons::default());
            if let Ok(kind) = r {
                prop_assert!(to != Stage::Hired && from != Stage::Hired);
                if !with_reason {
                    prop_assert!(matches!(kind, MoveKind::Forward | MoveKind::Withdrawal));
                }
            }
        }
    }
}
