//! The reports as tables in the user's language: one definition per report, used by the Reports
//! tab's table, the CLI's text output and the CSV/XLSX exports, so all three show the same figures.
//! Hours are decimals (7,60), rates percentages with one decimal, FTE with two.

use crate::domain::choice::Choice;
use crate::domain::reports::Report;
use crate::domain::reports::absence::{AbsenceLine, Absenteeism, Bradford};
use crate::domain::reports::elections::Elections;
use crate::domain::reports::headcount::{Breakdown, GroupKey, Headcount};
use crate::domain::reports::leave::{LeaveFigures, LeaveReport};
use crate::domain::reports::movements::Movements;
use crate::i18n::I18n;
use crate::sheet::{Cell, Sheet};

/// The report's tables, in a fixed order (a headcount: one per breakdown, in `Breakdown::ALL` order).
pub fn sheets(report: &Report, i: &I18n) -> Vec<Sheet> {
    match report {
        Report::Headcount(h) => headcount(h, i),
        Report::Movements(m) => movements(m, i),
        Report::Absenteeism(a) => absenteeism(a, i),
        Report::Bradford(b) => vec![bradford(b, i)],
        Report::Leave(l) => leave(l, i),
        Report::Elections(e) => elections(e, i),
        Report::Training(t) => crate::training_sheets::training(t, i),
    }
}

pub fn hours(minutes: i64) -> Cell {
    Cell::Number(minutes as f64 / 60.0, 2)
}

pub fn pct(x: f64) -> Cell {
    Cell::Number(x, 1)
}

fn fte(permille: u64) -> Cell {
    Cell::Number(permille as f64 / 1000.0, 2)
}

fn department(name: &str, i: &I18n) -> Cell {
    if name.trim().is_empty() {
        Cell::Text(i.t("report.no_department"))
    } else {
        Cell::Text(name.to_string())
    }
}

fn headers(i: &I18n, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| i.t(k)).collect()
}

/// The title of the headcount table by `by`.
pub fn headcount_title(by: Breakdown, i: &I18n) -> String {
    i.tf(
        "report.sheet_headcount",
        &[("by", &i.choice(by).to_lowercase())],
    )
}

fn headcount(h: &Headcount, i: &I18n) -> Vec<Sheet> {
    Breakdown::ALL
        .iter()
        .map(|by| {
            let mut rows: Vec<Vec<Cell>> = h
                .groups(*by)
                .iter()
                .map(|g| {
                    let name = match &g.key {
                        GroupKey::Name(n) => department(n, i),
                        GroupKey::Choice { label_key, .. } => Cell::Text(i.t(label_key)),
                    };
                    vec![
                        name,
                        Cell::Int(i64::from(g.people)),
                        fte(g.fte_permille),
                        Cell::Int(i64::from(g.part_time)),
                        pct(g.part_time_pct()),
                    ]
                })
                .collect();
            let t = &h.total;
            rows.push(vec![
                Cell::Text(i.t("col.total")),
                Cell::Int(i64::from(t.people)),
                fte(t.fte_permille),
                Cell::Int(i64::from(t.part_time)),
                pct(t.part_time_pct()),
            ]);
            let mut headers = vec![i.choice(*by)];
            headers.extend(self::headers(
                i,
                &[
                    "report.col_people",
                    "report.col_fte_schedule",
                    "report.col_part_time",
                    "report.col_part_time_pct",
                ],
            ));
            Sheet {
                title: headcount_title(*by, i),
                headers,
                rows,
            }
        })
        .collect()
}

fn movements(m: &Movements, i: &I18n) -> Vec<Sheet> {
    let mut rows: Vec<Vec<Cell>> = m
        .months
        .iter()
        .map(|x| {
            vec![
                Cell::Text(x.month.to_string()),
                Cell::Int(i64::from(x.joiners)),
                Cell::Int(i64::from(x.leavers)),
                Cell::Int(i64::from(x.headcount_end)),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Text(i.t("col.total")),
        Cell::Int(i64::from(m.joiners)),
        Cell::Int(i64::from(m.leavers)),
        Cell::Empty,
    ]);
    vec![
        Sheet {
            title: i.t("report.movements"),
            headers: headers(
                i,
                &[
                    "report.col_month",
                    "report.col_joiners",
                    "report.col_leavers",
                    "report.col_headcount_end",
                ],
            ),
            rows,
        },
        Sheet {
            title: i.t("report.sheet_turnover"),
            headers: headers(i, &["report.col_figure", "report.col_value"]),
            rows: vec![
                vec![
                    Cell::Text(i.t("report.average_headcount")),
                    Cell::Number(m.average_headcount, 1),
                ],
                vec![
                    Cell::Text(i.t("report.col_leavers")),
                    Cell::Int(i64::from(m.leavers)),
                ],
                vec![Cell::Text(i.t("report.turnover")), pct(m.turnover_pct)],
            ],
        },
    ]
}

fn absence_cells(l: &AbsenceLine) -> [Cell; 3] {
    [
        hours(l.scheduled_minutes as i64),
        hours(l.sick_minutes as i64),
        pct(l.rate_pct()),
    ]
}

fn absenteeism(a: &Absenteeism, i: &I18n) -> Vec<Sheet> {
    let total = |first: &str| {
        let mut row = vec![Cell::Text(first.to_string())];
        row.extend(absence_cells(&a.total));
        row
    };
    let mut by_month: Vec<Vec<Cell>> = a
        .months
        .iter()
        .map(|(m, l)| {
            let mut row = vec![Cell::Text(m.to_string())];
            row.extend(absence_cells(l));
            row
        })
        .collect();
    by_month.push(total(&i.t("col.total")));
    let mut by_dept: Vec<Vec<Cell>> = a
        .departments
        .iter()
        .map(|(d, l)| {
            let mut row = vec![department(d, i)];
            row.extend(absence_cells(l));
            row
        })
        .collect();
    by_dept.push(total(&i.t("col.total")));
    let tail = [
        "report.col_scheduled_hours",
        "report.col_sick_hours",
        "report.col_rate",
    ];
    let with = |first: &str| {
        let mut h = vec![i.t(first)];
        h.extend(headers(i, &tail));
        h
    };
    vec![
        Sheet {
            title: i.t("report.sheet_absence_month"),
            headers: with("report.col_month"),
            rows: by_month,
        },
        Sheet {
            title: i.t("report.sheet_absence_department"),
            headers: with("col.department"),
            rows: by_dept,
        },
    ]
}

fn bradford(b: &Bradford, i: &I18n) -> Sheet {
    Sheet {
        title: i.t("report.bradford"),
        headers: headers(
            i,
            &[
                "col.number",
                "col.name",
                "col.department",
                "report.col_spells",
                "report.col_days_lost",
                "report.col_factor",
            ],
        ),
        rows: b
            .lines
            .iter()
            .map(|l| {
                vec![
                    Cell::Text(l.number.clone()),
                    Cell::Text(l.name.clone()),
                    department(&l.department, i),
                    Cell::Int(i64::from(l.spells)),
                    Cell::Int(i64::from(l.days)),
                    Cell::Int(l.factor as i64),
                ]
            })
            .collect(),
    }
}

fn figures(f: &LeaveFigures) -> [Cell; 4] {
    [
        hours(f.entitled),
        hours(f.taken),
        hours(f.planned),
        hours(f.remaining),
    ]
}

fn leave(l: &LeaveReport, i: &I18n) -> Vec<Sheet> {
    let amounts = [
        "report.col_entitled_h",
        "report.col_taken_h",
        "report.col_planned_h",
        "report.col_remaining_h",
    ];
    let mut people_headers = headers(i, &["col.number", "col.name", "col.department"]);
    people_headers.extend(headers(i, &amounts));
    people_headers.push(i.t("report.col_remaining_days"));
    let people = l
        .people
        .iter()
        .map(|p| {
            let mut row = vec![
                Cell::Text(p.number.clone()),
                Cell::Text(p.name.clone()),
                department(&p.department, i),
            ];
            row.extend(figures(&p.figures));
            row.push(if p.day_minutes == 0 {
                Cell::Empty
            } else {
                Cell::Number(p.figures.remaining as f64 / f64::from(p.day_minutes), 1)
            });
            row
        })
        .collect();
    let mut dept_headers = headers(i, &["col.department", "report.col_people"]);
    dept_headers.extend(headers(i, &amounts));
    let mut depts: Vec<Vec<Cell>> = l
        .departments
        .iter()
        .map(|d| {
            let mut row = vec![department(&d.department, i), Cell::Int(i64::from(d.people))];
            row.extend(figures(&d.figures));
            row
        })
        .collect();
    let mut total = vec![
        Cell::Text(i.t("col.total")),
        Cell::Int(l.people.len() as i64),
    ];
    total.extend(figures(&l.total));
    depts.push(total);
    vec![
        Sheet {
            title: i.t("report.sheet_leave_department"),
            headers: dept_headers,
            rows: depts,
        },
        Sheet {
            title: i.t("report.sheet_leave_people"),
            headers: people_headers,
            rows: people,
        },
    ]
}

fn elections(e: &Elections, i: &I18n) -> Vec<Sheet> {
    use crate::domain::date::format_date;
    let mut summary: Vec<Vec<Cell>> = e
        .quarters
        .iter()
        .map(|q| {
            vec![
                Cell::Text(format!("{} – {}", format_date(q.from), format_date(q.to))),
                Cell::Number(q.average, 1),
            ]
        })
        .collect();
    summary.push(vec![
        Cell::Text(i.tf(
            "report.reference_average",
            &[
                ("from", &format_date(e.reference_from)),
                ("to", &format_date(e.reference_to)),
            ],
        )),
        Cell::Number(e.average, 1),
    ]);
    let bodies = if e.bodies.is_empty() {
        i.t("report.bodies_none")
    } else {
        e.bodies
            .iter()
            .map(|b| i.choice(*b))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    summary.push(vec![Cell::Text(i.t("report.bodies")), Cell::Text(bodies)]);
    if e.projected {
        summary.push(vec![Cell::Text(i.t("report.projected")), Cell::Empty]);
    }
    if e.agency_left_out > 0 {
        summary.push(vec![
            Cell::Text(i.t("report.agency_left_out")),
            Cell::Int(i64::from(e.agency_left_out)),
        ]);
    }
    let timetable = e
        .timetable
        .iter()
        .map(|s| {
            vec![
                Cell::Text(s.label.clone()),
                Cell::Date(s.day),
                Cell::Text(i.t(s.kind.label_key())),
            ]
        })
        .collect();
    vec![
        Sheet {
            title: i.t("report.sheet_elections_average"),
            headers: headers(i, &["report.col_quarter", "report.col_average"]),
            rows: summary,
        },
        Sheet {
            title: i.t("report.sheet_elections_timetable"),
            headers: headers(
                i,
                &["report.col_step", "report.col_date", "report.col_what"],
            ),
            rows: timetable,
        },
    ]
}
