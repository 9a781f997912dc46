//! The command line of documents: company settings, the notice calculator, listing and making
//! letters, with their error paths (exit 1, message on stderr, nothing written).

use std::path::Path;

mod common;

use common::Env;

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn company_set_keeps_what_is_not_given_and_refuses_a_bad_number() {
    let env = Env::empty().without_lang();
    env.ok(&["company", "set", "--name", "Acme BV", "--city", "Gent"]);
    let out = env
        .ok(&["company", "set", "--company-number", "BE0566988259"])
        .stdout;
    assert!(
        out.contains("Acme BV") && out.contains("0566.988.259"),
        "{out}"
    );
    let err = env
        .fails(&[
            "company",
            "set",
            "--company-number",
            "0566.988.258",
            "--name",
            "X",
        ])
        .stderr;
    assert!(
        err.contains("Enterprise number: Check digits do not match"),
        "{err}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["company", "show", "--json"]).stdout).unwrap();
    assert_eq!(
        json["name"], "Acme BV",
        "nothing of the refused command was stored"
    );
    assert_eq!(json["company_number"], "0566988259");
    assert_eq!(json["city"], "Gent");
    let err = env
        .fails(&["company", "set", "--notice-cap-from", "31/02/2026"])
        .stderr;
    assert!(err.contains("not a date"), "{err}");
}

#[test]
fn notice_for_the_employer_and_the_employee() {
    let env = Env::demo().without_lang();
    // Sofie De Smet, since 01/08/2018: 8 years at 30/11/2026.
    let out = env
        .ok(&["notice", "E0002", "--by", "employer", "--registered-letter"])
        .stdout;
    assert!(out.contains("27 weeks"), "{out}");
    assert!(out.contains("takes effect 26/11/2026"), "{out}");
    assert!(
        out.contains("30/11/2026") && out.contains("art. 37/2 §1"),
        "{out}"
    );
    let json: serde_json::Value = serde_json::from_str(
        &env.ok(&[
            "notice",
            "E0002",
            "--by",
            "employee",
            "--notified",
            "01/12/2026",
            "--json",
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(json["weeks"], 13);
    assert_eq!(json["start"], "2026-12-07");
    assert_eq!(json["end"], "2027-03-07");
    let err = env.fails(&["notice", "E9999", "--by", "employer"]).stderr;
    assert!(err.contains("E9999"), "{err}");
    env.fails(&[
        "notice",
        "E0002",
        "--by",
        "employer",
        "--notified",
        "morgen",
    ]);
    let out = env.run(&["notice", "E0002", "--by", "nobody"]);
    assert_eq!(out.code, 2, "a value clap refuses is a usage error");
}

#[test]
fn document_list_names_every_template_and_its_flags() {
    let env = Env::empty().without_lang();
    let out = env.ok(&["document", "list"]).stdout;
    for code in [
        "employment_certificate",
        "contract_draft",
        "work_rules_receipt",
        "welcome_letter",
        "leave_confirmation",
        "sickness_information",
        "interview_invitation",
        "rejection_letter",
        "termination_letter",
        "maternity_information",
        "parental_leave_information",
        "application_acknowledgement",
        "rejection_after_interview",
        "offer_letter",
        "vacancy_text",
    ] {
        assert!(out.contains(code), "{code}");
    }
    assert!(out.contains("--expected DATE"));
    assert!(out.contains("--vacancy-id ID"));
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["document", "list", "--json"]).stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 15);
}

#[test]
fn make_writes_in_the_employees_language_and_records_it() {
    let env = Env::demo().without_lang();
    let out_dir = env.dir.path().join("letters");
    let out = env
        .ok(&[
            "document",
            "make",
            "termination_letter",
            "E0017",
            "--by",
            "employer",
            "--registered-letter",
            "--out",
            out_dir.to_str().unwrap(),
        ])
        .stdout;
    // Céline Dupont works at the Namur branch: French.
    assert!(out.contains("(fr)"), "{out}");
    let files = files_in(&out_dir);
    assert_eq!(
        files,
        [
            "2026-11-23_E0017_termination_letter_fr.html",
            "2026-11-23_E0017_termination_letter_fr.md"
        ]
    );
    let md = std::fs::read_to_string(out_dir.join(&files[1])).unwrap();
    assert!(md.contains("Recommandé") && md.contains("semaines"), "{md}");
    let history = env.ok(&["document", "history", "E0017"]).stdout;
    assert!(
        history.contains("Termination letter") && history.contains(" fr "),
        "{history}"
    );
    // --lang decides the language; --format md writes one file to the export folder.
    let out = env
        .ok(&[
            "--lang",
            "nl",
            "document",
            "make",
            "parental_leave_information",
            "E0017",
            "--format",
            "md",
        ])
        .stdout;
    assert!(out.contains("(nl)"), "{out}");
    let exports = files_in(&env.dir.path().join("x-exports"));
    assert!(exports.contains(&"2026-11-23_E0017_parental_leave_information_nl.md".to_string()));
    assert!(!exports.contains(&"2026-11-23_E0017_parental_leave_information_nl.html".to_string()));
}

#[test]
fn candidate_letters_need_their_recipient_and_have_no_dossier() {
    let env = Env::demo().without_lang();
    let err = env
        .fails(&[
            "document",
            "make",
            "interview_invitation",
            "--vacancy",
            "Lasser",
        ])
        .stderr;
    assert!(
        err.contains("Addressee: Required") && err.contains("Day and hour"),
        "{err}"
    );
    let out = env
        .ok(&[
            "document",
            "make",
            "interview_invitation",
            "--to-name",
            "Sara Janssens",
            "--to-address",
            "Kerkstraat 1, 9000 Gent",
            "--vacancy",
            "CNC-operator",
            "--at",
            "02/12/2026 14:30",
            "--json",
        ])
        .stdout;
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["employee_id"], serde_json::Value::Null);
    assert_eq!(doc["recipient"], "Sara Janssens");
    let md = std::fs::read_to_string(doc["markdown_path"].as_str().unwrap()).unwrap();
    assert!(
        md.contains("02/12/2026 at 14:30") && md.contains("Kerkstraat 1"),
        "{md}"
    );
}

#[test]
fn bad_input_is_refused_and_writes_nothing() {
    let env = Env::demo().without_lang();
    let before = files_in(&env.dir.path().join("x-exports"));
    let err = env
        .fails(&["document", "make", "letter_of_love", "E0002"])
        .stderr;
    assert!(err.contains("not a template"), "{err}");
    let err = env.fails(&["document", "make", "welcome_letter"]).stderr;
    assert!(err.contains("employee number"), "{err}");
    let err = env
        .fails(&["document", "make", "leave_confirmation", "E0002"])
        .stderr;
    assert!(err.contains("Leave request: Required"), "{err}");
    let err = env
        .fails(&[
            "document",
            "make",
            "maternity_information",
            "E0014",
            "--expected",
            "15/05/2027",
            "--leave-from",
            "01/01/2027",
        ])
        .stderr;
    assert!(
        err.contains("Choose a day from 04/04/2027 to 09/05/2027"),
        "{err}"
    );
    let err = env
        .fails(&[
            "document",
            "make",
            "welcome_letter",
            "E0002",
            "--format",
            "pdf",
        ])
        .stderr;
    assert!(err.contains("File format"), "{err}");
    assert_eq!(files_in(&env.dir.path().join("x-exports")), before);
}

#[test]
fn a_template_in_the_config_folder_replaces_the_embedded_one() {
    let env = Env::demo().without_lang();
    let dir = env.config().join("dossier/templates/nl");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("welcome_letter.md"),
        "Welkom {{ employee.first_name }} bij {{ company.name }}!\n",
    )
    .unwrap();
    let out = env
        .ok(&[
            "document",
            "make",
            "welcome_letter",
            "E0002",
            "--format",
            "md",
        ])
        .stdout;
    let path = out.lines().nth(1).unwrap().trim();
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("Welkom Sofie bij Demo Metaal NV!"), "{text}");
    // A typo in the user's copy is reported with its file and line; nothing is written.
    std::fs::write(
        dir.join("welcome_letter.md"),
        "Hallo\n{{ employee.voornaam }}\n",
    )
    .unwrap();
    let err = env
        .fails(&[
            "document",
            "make",
            "welcome_letter",
            "E0002",
            "--format",
            "md",
        ])
        .stderr;
    assert!(err.contains("welcome_letter.md, line 2"), "{err}");
}
