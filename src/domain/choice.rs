//! Closed lists of choices (sex, worker category, contract type…): one stored code and one i18n label key each.

/// Implemented by every closed list, so forms, CSV, CLI and the store treat them the same way.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    /// Stable code stored in the database and used in CSV/CLI (never translated).
    fn code(self) -> &'static str;
    /// i18n key of the label shown to the user.
    fn label_key(self) -> &'static str;

    fn from_code(code: &str) -> Option<Self> {
        let c = code.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.code().eq_ignore_ascii_case(c))
    }

    fn codes() -> Vec<&'static str> {
        Self::ALL.iter().map(|v| v.code()).collect()
    }
}

/// Declares a choice enum with its codes and label keys in one place.
#[macro_export]
macro_rules! choice_enum {
    ($(#[$meta:meta])* $name:ident, $prefix:literal { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($(#[$vmeta])* #[serde(rename = $code)] $variant),+ }

        impl $crate::domain::choice::Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            fn label_key(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, ".", $code)),+ }
            }
        }
    };
}
