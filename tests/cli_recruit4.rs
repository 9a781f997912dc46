//! `dossier vacancy report`: the per-vacancy report as text, JSON and CSV, on the demo company;
//! an unknown vacancy and an existing CSV file are refused with nothing written.

mod common;

use common::Env;

/// The demo's CNC vacancy id.
fn cnc(env: &Env) -> String {
    let list = env.json(&["vacancy", "list", "--json"]);
    list.as_array()
        .unwrap()
        .iter()
        .find(|v| v["title"].as_str().unwrap().starts_with("CNC"))
        .unwrap()["id"]
        .to_string()
}

#[test]
fn the_report_counts_channels_funnel_and_reasons() {
    let env = Env::demo();
    let id = cnc(&env);
    let j = env.json(&["vacancy", "report", &id, "--json"]);
    let r = &j["report"];
    let applicants = r["applicants"].as_u64().unwrap();
    assert!(applicants >= 10, "{j}");
    // Everyone was received; the funnel narrows.
    let funnel = r["funnel"].as_array().unwrap();
    assert_eq!(funnel[0]["stage"], "received");
    assert_eq!(funnel[0]["reached"].as_u64(), Some(applicants));
    let reached: Vec<u64> = funnel[..8]
        .iter()
        .map(|f| f["reached"].as_u64().unwrap())
        .collect();
    assert!(reached.windows(2).all(|w| w[0] >= w[1]), "{reached:?}");
    let channels: u64 = r["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c[1].as_u64().unwrap())
        .sum();
    assert_eq!(channels, applicants);
    assert_eq!(r["rejections"][0][0], "qualification");
    // Hamza El Idrissi applied 40 days ago and was hired 12 days ago.
    assert_eq!(r["time_to_hire"]["count"], 1);
    assert_eq!(r["time_to_hire"]["median_days"], 28.0);

    let text = env.ok(&["vacancy", "report", &id]).stdout;
    assert!(text.contains("Applicants per channel"), "{text}");
    assert!(text.contains("VDAB"), "{text}");
    assert!(text.contains("Required qualification missing"), "{text}");
}

#[test]
fn the_csv_is_written_once_and_never_overwritten() {
    let env = Env::demo().without_lang();
    let id = cnc(&env);
    let file = env.path("report.csv");
    let f = file.to_str().unwrap();
    let out = env.ok(&["vacancy", "report", &id, "--csv", f, "--lang", "nl"]);
    assert!(out.stdout.contains(f), "{}", out.stdout);
    let bytes = std::fs::read(&file).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("Kandidaten per kanaal"), "{text}");
    assert!(text.contains("Kanaal;Kandidaten;%"), "{text}");
    assert!(text.contains("Redenen van afwijzing"), "{text}");
    // A second run refuses to overwrite and leaves the file as it was.
    let again = env.run(&["vacancy", "report", &id, "--csv", f]);
    assert_eq!(again.code, 1, "{}", again.stdout);
    assert!(again.stderr.contains("report.csv"), "{}", again.stderr);
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
}

#[test]
fn an_unknown_vacancy_is_refused() {
    let env = Env::demo();
    let out = env.fails(&["vacancy", "report", "999"]);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(out.stderr.contains("999"), "{}", out.stderr);
}
