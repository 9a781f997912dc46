//! The passphrase prompt of an encrypted database: what is typed never shows, a refusal is
//! explained with the tries left, in each language; it fits an 80×24 terminal.

use super::*;
use dossier::ui::unlock::{Outcome, TRIES, Unlock};

fn draw(prompt: &Unlock, lang: Lang, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let i18n = I18n::new(lang);
    terminal.draw(|f| prompt.render(f, &i18n)).unwrap();
    terminal.backend().to_string()
}

fn typed(prompt: &mut Unlock, text: &str) {
    for c in text.chars() {
        prompt.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

#[test]
fn the_prompt_masks_the_passphrase_and_counts_the_tries() {
    let mut prompt = Unlock::new(std::path::Path::new(
        "/home/sofie/.local/share/dossier/dossier.db",
    ));
    typed(&mut prompt, "geheim");
    let screen = draw(&prompt, Lang::En, 80, 24);
    assert!(screen.contains("••••••"), "{screen}");
    assert!(!screen.contains("geheim"), "{screen}");
    assert!(screen.contains(&format!("{TRIES} tries left")), "{screen}");
    insta::assert_snapshot!("unlock_typing", screen);

    let wrong = prompt.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(matches!(wrong, Outcome::Submit(_)));
    let i18n = I18n::new(Lang::Nl);
    prompt.refused(i18n.tf(
        "msg.wrong_passphrase",
        &[("path", "/home/sofie/.local/share/dossier/dossier.db")],
    ));
    let screen = draw(&prompt, Lang::Nl, 80, 24);
    assert!(screen.contains("Verkeerde wachtwoordzin"), "{screen}");
    assert!(screen.contains("nog 2 pogingen"), "{screen}");
    insta::assert_snapshot!("unlock_refused_nl", screen);

    let screen = draw(&prompt, Lang::Fr, 120, 36);
    assert!(!screen.contains("Vérification"), "{screen}");
    assert!(screen.contains("Base de données chiffrée"), "{screen}");
    assert!(screen.contains("2 essais restants"), "{screen}");
}
