//! Raw text inputs: what the user typed, field by field. Forms, CLI flags and CSV rows fill the same
//! structs and go through the same `validate`, so every entry path refuses the same things.

/// Field access by name, so one form widget and one CSV reader serve every input struct.
pub trait TextInput: Default + Clone {
    fn fields() -> &'static [&'static str];
    fn get(&self, field: &str) -> &str;
    fn set(&mut self, field: &str, value: String);
}

/// Declares an input struct of `String` fields with its field list (also the CSV header) and [`TextInput`].
#[macro_export]
macro_rules! text_input {
    ($(#[$meta:meta])* $name:ident, $fields_const:ident { $($field:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        pub struct $name { $(pub $field: String),+ }

        /// Field names in form order; also the CSV header.
        pub const $fields_const: &[&str] = &[$(stringify!($field)),+];

        impl $crate::domain::input::TextInput for $name {
            fn fields() -> &'static [&'static str] {
                $fields_const
            }
            fn get(&self, field: &str) -> &str {
                match field { $(stringify!($field) => &self.$field,)+ _ => "" }
            }
            fn set(&mut self, field: &str, value: String) {
                match field { $(stringify!($field) => self.$field = value,)+ _ => {} }
            }
        }
    };
}
