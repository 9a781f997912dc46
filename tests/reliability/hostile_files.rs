//! The user's own files, hostile or broken: `keymap.toml`, `config.toml` and template copies made
//! of random bytes or of random TOML/template-looking text. Promise: never a panic, and every
//! refusal names the file, so the user knows which one to fix.

use std::path::Path;

use dossier::documents::{MakeInput, MakeRequest, TemplateId, render};
use dossier::i18n::Lang;
use proptest::prelude::*;

use super::common::Env;

/// Text that looks like TOML: tables, keys, strings, numbers, arrays, broken and whole.
fn tomlish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("[global]\n".to_string()),
            Just("[form]\n".to_string()),
            Just("language = ".to_string()),
            Just("quit = ".to_string()),
            Just("save = \"ctrl-s\"\n".to_string()),
            Just("\"q\"".to_string()),
            Just("[[x]]".to_string()),
            Just("{ a = 1 }".to_string()),
            Just("= = =".to_string()),
            Just("\n".to_string()),
            "[a-z_]{1,8} = \"[^\"\\n]{0,8}\"\n",
            "\\PC{0,12}",
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..300)
}

fn names_the_file(message: &str, path: &Path) -> bool {
    message.contains(&path.display().to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn config_toml_never_panics_and_names_the_file(text in tomlish(), raw in bytes()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        for content in [text.as_bytes(), raw.as_slice()] {
            std::fs::write(&path, content).unwrap();
            if let Err(e) = dossier::config::load_config(&path) {
                let message = format!("{e:#}");
                prop_assert!(names_the_file(&message, &path), "{message}");
            }
        }
    }

    #[test]
    fn keymap_toml_never_panics_and_names_the_file(text in tomlish(), raw in bytes()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keymap.toml");
        for content in [text.as_bytes(), raw.as_slice()] {
            std::fs::write(&path, content).unwrap();
            if let Err(message) = dossier::ui::keymap::load_file(&path) {
                prop_assert!(names_the_file(&message, &path), "{message}");
            }
        }
    }
}

/// Template-looking text: tags, expressions, filters and loops, closed or not.
fn templatish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("{{ employee.first_name }}".to_string()),
            Just("{{ employee.nickname }}".to_string()),
            Just("{{".to_string()),
            Just("}}".to_string()),
            Just("{% if employee %}".to_string()),
            Just("{% endif %}".to_string()),
            Just("{% for x in [1, 2, 3] %}{{ x }}".to_string()),
            Just("{% endfor %}".to_string()),
            Just("{{ company.name | upper }}".to_string()),
            Just("{{ 1 / 0 }}".to_string()),
            Just("{# note".to_string()),
            Just("{% include 'x' %}".to_string()),
            "\\PC{0,12}",
        ],
        0..10,
    )
    .prop_map(|parts| parts.concat())
}

/// The user's copy of a template: never a panic; a refusal names the file (and the line).
#[test]
fn user_templates_never_panic_and_name_the_file() {
    let env = Env::new();
    env.demo();
    let store = env.open();
    let id = store.employees().by_number("E0001").unwrap().id;
    let templates = env.path("templates");
    let input = MakeInput::default();
    let req = MakeRequest {
        template: TemplateId::WelcomeLetter,
        employee_id: Some(id),
        input: &input,
        default_lang: Lang::En,
        out_dir: None,
        templates_dir: Some(&templates),
    };
    let refused = std::cell::Cell::new(0);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(200));
    runner
        .run(&(templatish(), bytes()), |(text, raw)| {
            for content in [text.as_bytes(), raw.as_slice()] {
                for lang in [Lang::Nl, Lang::Fr, Lang::En] {
                    let path = dossier::documents::render::override_path(
                        &templates,
                        TemplateId::WelcomeLetter,
                        lang,
                    );
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    std::fs::write(&path, content).unwrap();
                }
                if let Err(e) = render(&store, &req) {
                    refused.set(refused.get() + 1);
                    let message = e.to_string();
                    prop_assert!(
                        message.contains(&templates.display().to_string()),
                        "{message}"
                    );
                }
            }
            Ok(())
        })
        .unwrap();
    assert!(refused.get() > 0, "no broken template was tried");
}

/// The real binary with a broken keymap or config: exit 1 (not a panic) and the file named.
#[test]
fn the_program_names_a_broken_keymap_or_config_file() {
    let env = Env::new();
    env.demo();
    let dir = env.dir.path().join(".config").join("dossier");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, content) in [
        ("keymap.toml", b"\xff\xfe\x00garbage".to_vec()),
        ("keymap.toml", b"[global]\nquit = 5\n".to_vec()),
        ("keymap.toml", b"[[[".to_vec()),
        ("config.toml", b"language = 42\n".to_vec()),
        ("config.toml", b"\x00\x01\x02".to_vec()),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, &content).unwrap();
        // No subcommand: the TUI's start reads both files before it touches the terminal.
        let out = env.run(&[]);
        assert_eq!(out.code, 1, "{name} {content:?}: {}", out.stderr);
        assert!(
            out.stderr.contains(&path.display().to_string()),
            "{name} {content:?}: {}",
            out.stderr
        );
        std::fs::remove_file(&path).unwrap();
    }
}
