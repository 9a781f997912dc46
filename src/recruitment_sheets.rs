//! The per-vacancy recruitment report as tables: applicants per channel, the funnel, the time to
//! hire and the rejection reasons. The Recruitment tab shows them, the CLI prints them, and both
//! write them as one CSV file.

use crate::domain::recruitment::report::VacancyReport;
use crate::i18n::I18n;
use crate::sheet::{Cell, Sheet};

fn headers(i: &I18n, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| i.t(k)).collect()
}

/// `part` of `whole` in percent, rounded; 0 of nothing is 0.
fn percent(part: u32, whole: u32) -> i64 {
    if whole == 0 {
        return 0;
    }
    i64::from((part * 100 + whole / 2) / whole)
}

/// Four tables, in the order the tab shows them.
pub fn vacancy_report(r: &VacancyReport, i: &I18n) -> Vec<Sheet> {
    let channels = Sheet {
        title: i.t("recruit.report_channels"),
        headers: headers(
            i,
            &[
                "recruit.col_channel",
                "recruit.col_applicants",
                "recruit.col_share",
            ],
        ),
        rows: r
            .channels
            .iter()
            .map(|(c, n)| {
                vec![
                    Cell::Text(i.choice(*c)),
                    Cell::Int(i64::from(*n)),
                    Cell::Int(percent(*n, r.applicants)),
                ]
            })
            .collect(),
    };
    let funnel = Sheet {
        title: i.t("recruit.report_funnel"),
        headers: headers(
            i,
            &[
                "recruit.col_stage",
                "recruit.col_reached",
                "recruit.col_share",
                "recruit.col_now",
            ],
        ),
        rows: r
            .funnel
            .iter()
            .map(|f| {
                vec![
                    Cell::Text(i.choice(f.stage)),
                    Cell::Int(i64::from(f.reached)),
                    Cell::Int(percent(f.reached, r.applicants)),
                    Cell::Int(i64::from(f.now)),
                ]
            })
            .collect(),
    };
    let time = Sheet {
        title: i.t("recruit.report_time_to_hire"),
        headers: headers(
            i,
            &[
                "recruit.col_hires",
                "recruit.col_median_days",
                "recruit.col_min_days",
                "recruit.col_max_days",
            ],
        ),
        rows: r
            .time_to_hire
            .iter()
            .map(|t| {
                let median = if t.median_days.fract() == 0.0 {
                    Cell::Int(t.median_days as i64)
                } else {
                    Cell::Number(t.median_days, 1)
                };
                vec![
                    Cell::Int(i64::from(t.count)),
                    median,
                    Cell::Int(t.min_days),
                    Cell::Int(t.max_days),
                ]
            })
            .collect(),
    };
    let rejections = Sheet {
        title: i.t("recruit.report_rejections"),
        headers: headers(i, &["recruit.col_reason", "recruit.col_applicants"]),
        rows: r
            .rejections
            .iter()
            .map(|(code, n)| {
                // A reason no longer in the settings' list still shows, as its code.
                let key = format!("reject.{code}");
                let label = i.t(&key);
                let label = if label == key { code.clone() } else { label };
                vec![Cell::Text(label), Cell::Int(i64::from(*n))]
            })
            .collect(),
    };
    vec![channels, funnel, time, rejections]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::recruitment::report::{FunnelStep, TimeToHire};
    use crate::domain::recruitment::{Channel, Stage};
    use crate::i18n::Lang;

    #[test]
    fn the_tables_carry_counts_shares_and_a_half_day_median() {
        let r = VacancyReport {
            applicants: 3,
            channels: vec![(Channel::Vdab, 2), (Channel::LinkedIn, 1)],
            funnel: vec![FunnelStep {
                stage: Stage::Received,
                reached: 3,
                now: 1,
            }],
            time_to_hire: Some(TimeToHire {
                count: 2,
                median_days: 12.5,
                min_days: 10,
                max_days: 15,
            }),
            rejections: vec![("experience".into(), 1), ("gone_code".into(), 1)],
        };
        let s = vacancy_report(&r, &I18n::new(Lang::Nl));
        assert_eq!(s.len(), 4);
        assert_eq!(
            s[0].rows[0],
            vec![Cell::Text("VDAB".into()), Cell::Int(2), Cell::Int(67)]
        );
        assert_eq!(s[1].rows[0][2], Cell::Int(100));
        assert_eq!(s[2].rows[0][1].csv_text(), "12,5");
        assert_eq!(s[3].rows[1][0], Cell::Text("gone_code".into()));
    }
}
