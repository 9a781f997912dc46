//! `dossier encrypt`, `decrypt` and `rekey`, and the passphrase of an encrypted database for every
//! command: from DOSSIER_PASSPHRASE (scripts) or typed at the terminal without echo.

use std::path::Path;

use super::confidential::read_hidden;
use super::out::outln;
use super::{CliError, Ctx};
use crate::domain::passphrase::check_new;
use crate::errors::validation_lines;
use crate::i18n::I18n;
use crate::store::{ENCRYPTION_AVAILABLE, Passphrase, StoreError, looks_encrypted};

/// The variable a script puts the passphrase in.
pub const PASSPHRASE_VAR: &str = "DOSSIER_PASSPHRASE";
/// The new passphrase for `dossier rekey` in a script.
pub const NEW_PASSPHRASE_VAR: &str = "DOSSIER_NEW_PASSPHRASE";

/// The passphrase `file` needs: none for a plain file (or in a build that cannot decrypt: the
/// store then says the file is encrypted), else from DOSSIER_PASSPHRASE or the terminal.
pub fn passphrase_for(i: &I18n, file: &Path) -> Result<Option<Passphrase>, CliError> {
    if !ENCRYPTION_AVAILABLE || !looks_encrypted(file) {
        return Ok(None);
    }
    secret(i, PASSPHRASE_VAR, ASK_CURRENT, file).map(Some)
}

/// The prompt at the terminal and the refusal when there is none, as i18n keys.
type Ask = (&'static str, &'static str);
const ASK_CURRENT: Ask = ("cli.passphrase_prompt", "cli.passphrase_needed");
const ASK_OLD: Ask = ("cli.passphrase_current", "cli.passphrase_needed");
const ASK_NEW: Ask = ("cli.passphrase_new", "cli.passphrase_new_needed");
const ASK_AGAIN: Ask = ("cli.passphrase_repeat", "cli.passphrase_new_needed");

/// A passphrase from the variable `var`, else typed at the terminal; with neither (a script
/// without the variable) a clear refusal instead of a hang.
fn secret(i: &I18n, var: &str, (prompt, needed): Ask, file: &Path) -> Result<Passphrase, CliError> {
    let path = file.display().to_string();
    if let Ok(v) = std::env::var(var)
        && !v.is_empty()
    {
        return Ok(Passphrase::new(v));
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(CliError::input(
            i.tf(needed, &[("var", var), ("path", &path)]),
        ));
    }
    eprint!("{}: ", i.tf(prompt, &[("path", &path)]));
    let typed = read_hidden().map_err(|e| CliError::input(e.to_string()));
    eprintln!();
    typed.map(Passphrase::new)
}

/// A new passphrase: from `var` (checked like a typed one), else typed twice at the terminal.
fn new_passphrase(i: &I18n, var: &str, file: &Path) -> Result<Passphrase, CliError> {
    let (first, again) = match std::env::var(var) {
        Ok(v) => (v.clone(), v),
        Err(_) => {
            let first = secret(i, var, ASK_NEW, file)?;
            let again = secret(i, var, ASK_AGAIN, file)?;
            (first.expose().to_string(), again.expose().to_string())
        }
    };
    check_new(&first, &again).map_err(|e| CliError::input(validation_lines(i, &e).join("\n")))?;
    Ok(Passphrase::new(first))
}

fn available(i: &I18n) -> Result<(), CliError> {
    if ENCRYPTION_AVAILABLE {
        Ok(())
    } else {
        Err(CliError::store(i, &StoreError::EncryptionUnavailable))
    }
}

/// Refuses, before any passphrase is asked, a database that is missing or already in the wanted state.
fn require(ctx: &Ctx, encrypted: bool) -> Result<(), CliError> {
    let i = &ctx.i18n;
    let path = ctx.db.display().to_string();
    if !ctx.db.exists() {
        return Err(CliError::input(i.tf("cli.crypt_no_db", &[("path", &path)])));
    }
    match (encrypted, looks_encrypted(&ctx.db)) {
        (true, false) => Err(CliError::input(
            i.tf("cli.crypt_not_encrypted", &[("path", &path)]),
        )),
        (false, true) => Err(CliError::input(
            i.tf("cli.crypt_already", &[("path", &path)]),
        )),
        _ => Ok(()),
    }
}

pub fn encrypt(ctx: &Ctx) -> Result<(), CliError> {
    let i = &ctx.i18n;
    available(i)?;
    require(ctx, false)?;
    let key = new_passphrase(i, PASSPHRASE_VAR, &ctx.db)?;
    let done = crate::store::encrypt(&ctx.db, &key, ctx.clock.now())
        .map_err(|e| CliError::store(i, &e))?;
    let path = ctx.db.display().to_string();
    outln!("{}", i.tf("cli.encrypted", &[("path", &path)]));
    if let Some(kept) = done.kept {
        outln!(
            "{}",
            i.tf("cli.encrypt_kept", &[("path", &kept.display().to_string())])
        );
    }
    outln!(
        "{}",
        i.tf(
            "cli.encrypt_old_backups",
            &[(
                "dir",
                &crate::store::backups_dir(&ctx.db).display().to_string()
            )]
        )
    );
    outln!("{}", i.t("cli.encrypt_lost"));
    Ok(())
}

pub fn decrypt(ctx: &Ctx) -> Result<(), CliError> {
    let i = &ctx.i18n;
    available(i)?;
    require(ctx, true)?;
    let key = secret(i, PASSPHRASE_VAR, ASK_CURRENT, &ctx.db)?;
    crate::store::decrypt(&ctx.db, &key).map_err(|e| CliError::store(i, &e))?;
    let path = ctx.db.display().to_string();
    outln!("{}", i.tf("cli.decrypted", &[("path", &path)]));
    Ok(())
}

pub fn rekey(ctx: &Ctx) -> Result<(), CliError> {
    let i = &ctx.i18n;
    available(i)?;
    require(ctx, true)?;
    let old = secret(i, PASSPHRASE_VAR, ASK_OLD, &ctx.db)?;
    let new = new_passphrase(i, NEW_PASSPHRASE_VAR, &ctx.db)?;
    crate::store::rekey(&ctx.db, &old, &new).map_err(|e| CliError::store(i, &e))?;
    let path = ctx.db.display().to_string();
    outln!("{}", i.tf("cli.rekeyed", &[("path", &path)]));
    Ok(())
}
