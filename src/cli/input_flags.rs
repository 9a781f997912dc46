//! One command-line flag per field of a text input (`--first-name`, `--contract-kind` …), generated from
//! the input's field list so the CLI can never miss a field the form has.

use clap::{Arg, ArgMatches, Command};

use crate::domain::input::TextInput;

fn flag(prefix: &str, field: &str) -> &'static str {
    // Flags live for the whole run; leaking a few dozen short strings once is the simplest owner.
    Box::leak(format!("{prefix}{}", field.replace('_', "-")).into_boxed_str())
}

pub fn add_flags<T: TextInput>(cmd: Command, prefix: &str, help_prefix: &str) -> Command {
    T::fields().iter().fold(cmd, |cmd, f| {
        let name = flag(prefix, f);
        cmd.arg(
            Arg::new(name)
                .long(name)
                .value_name("TEXT")
                .help(format!("{help_prefix}{}", f.replace('_', " "))),
        )
    })
}

/// The input filled from the flags, and whether any flag of it was given at all.
pub fn from_flags<T: TextInput>(m: &ArgMatches, prefix: &str) -> (T, bool) {
    let mut input = T::default();
    let mut any = false;
    for f in T::fields() {
        let id = format!("{prefix}{}", f.replace('_', "-"));
        if let Some(v) = m.get_one::<String>(&id) {
            input.set(f, v.clone());
            any = true;
        }
    }
    (input, any)
}
