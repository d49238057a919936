//! The declaration of a file kind's fields — shape, required or not, Dutch title and
//! description — and the `contract!` macro that turns one declaration into the serde type, the
//! loader's field table and the input of the JSON Schemas.

/// What a value looks like.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// A lowercase id `[a-z0-9][a-z0-9-]*` (parties, perspectives, components, …).
    Id,
    /// A case-sensitive id: text without spaces (goals, results, lines, …).
    Code,
    /// Free text; when required, not blank.
    Text,
    /// A list of texts, none blank.
    Texts,
    /// A list of codes.
    Codes,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A year, an unquoted integer.
    Year,
    /// A whole number from `min` to `max`.
    Whole {
        /// The least value.
        min: i64,
        /// The greatest value.
        max: i64,
    },
    /// An amount in euros: at most two decimals, never negative (E201), read exactly.
    Amount,
    /// A signed amount in euros (a wijziging's `mutatie`): at most two decimals, read exactly.
    SignedAmount,
    /// A percentage, at most four decimals, from 0 up to `max` (when given).
    Percent {
        /// The greatest value, if any.
        max: Option<i64>,
    },
    /// `true` or `false`.
    Bool,
    /// One of a closed list, spelled exactly.
    Choice(&'static [&'static str]),
    /// Amounts per year: `{2025: 1250000, 2026: 1300000}`.
    Amounts,
    /// A percentage per financier id (a verdeelsleutel).
    Key,
    /// A list of mappings.
    List(&'static Mapping),
    /// One mapping.
    Map(&'static Mapping),
}

/// A field's declaration without its key.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// Whether the field must be present (E003 otherwise).
    pub required: bool,
    /// What its value looks like.
    pub shape: Shape,
    /// Its Dutch title.
    pub title: &'static str,
    /// What it means and how to write it, in Dutch.
    pub description: &'static str,
    /// The value assumed when it is absent, for editors.
    pub default: Option<i64>,
}

/// A required field.
pub const fn req(shape: Shape, title: &'static str, description: &'static str) -> Spec {
    Spec { required: true, shape, title, description, default: None }
}

/// An optional field.
pub const fn opt(shape: Shape, title: &'static str, description: &'static str) -> Spec {
    Spec { required: false, shape, title, description, default: None }
}

impl Spec {
    /// The same field with a default value (for editors; the loader applies its own).
    pub const fn default(mut self, value: i64) -> Spec {
        self.default = Some(value);
        self
    }
}

/// A field: its key and declaration.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The key as written in YAML.
    pub name: &'static str,
    /// The declaration.
    pub spec: Spec,
}

/// A rule between the fields of one mapping.
#[derive(Clone, Copy, Debug)]
pub enum Rule {
    /// `field` is required unless `key` has `value`.
    RequiredUnless {
        /// The field.
        field: &'static str,
        /// The deciding key.
        key: &'static str,
        /// Its value that waives the field.
        value: &'static str,
    },
    /// `field` is required when `key` has `value`, and absent otherwise.
    OnlyWhen {
        /// The field.
        field: &'static str,
        /// The deciding key.
        key: &'static str,
        /// Its value that requires the field.
        value: &'static str,
    },
    /// `field` is required when `key` is present.
    RequiredWith {
        /// The field.
        field: &'static str,
        /// The key whose presence requires it.
        key: &'static str,
    },
    /// `field` is required when `key` is absent.
    RequiredWithout {
        /// The field.
        field: &'static str,
        /// The key whose absence requires it.
        key: &'static str,
    },
    /// Each mapping of the list `list` needs `field` unless it has one of `or`; none does when
    /// the mapping holding the list has `unless` (a decision item's alternatives need an amount,
    /// a level or effects — unless the item decides on a wijziging, contract §13).
    EachRequiredUnless {
        /// The list.
        list: &'static str,
        /// The field each entry needs.
        field: &'static str,
        /// Keys of an entry that waive it.
        or: &'static [&'static str],
        /// The key of the holding mapping that waives it for every entry.
        unless: &'static str,
    },
    /// The list or mapping `field` has at least one entry (a rule of `check`, E302 or E203).
    NonEmpty(&'static str),
    /// `dag` is a day of `maand` (29 February counts).
    DayOfMonth,
}

/// A mapping: title, description, fields, rules.
#[derive(Clone, Copy, Debug)]
pub struct Mapping {
    /// Its Dutch title.
    pub title: &'static str,
    /// What it is, in Dutch.
    pub description: &'static str,
    /// Its fields, in the order of the contract.
    pub fields: &'static [Field],
    /// Rules between its fields.
    pub rules: &'static [Rule],
}

impl Mapping {
    /// A field by key.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// Declares raw types: `Name, NameFields ("title", "description") { field: Type = spec, … }
/// [rules]`. Each gives a serde struct (every field optional, unknown fields refused), a struct
/// of its `Field`s as `Name::FIELDS`, and its `Mapping` as `Name::SPEC`.
macro_rules! contract {
    ($(
        #[doc = $doc:literal]
        $name:ident, $fields:ident ($title:expr, $description:expr) {
            $($field:ident : $ty:ty = $spec:expr),* $(,)?
        } [$($rule:expr),* $(,)?]
    )*) => {$(
        #[doc = $doc]
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name { $(#[doc = concat!("`", stringify!($field), "`")] pub $field: Option<$ty>,)* }

        #[doc = concat!("The declared fields of [`", stringify!($name), "`].")]
        pub struct $fields { $(#[doc = concat!("`", stringify!($field), "`")] pub $field: $crate::load::raw::spec::Field,)* }

        impl $name {
            /// Every field: key, required or not, shape, Dutch title and description.
            pub const FIELDS: $fields =
                $fields { $($field: $crate::load::raw::spec::Field { name: stringify!($field), spec: $spec },)* };
            /// The mapping as a whole (for the JSON Schemas).
            pub const SPEC: $crate::load::raw::spec::Mapping = $crate::load::raw::spec::Mapping {
                title: $title,
                description: $description,
                fields: &[$(Self::FIELDS.$field,)*],
                rules: &[$($rule,)*],
            };
        }
    )*};
}

pub(crate) use contract;
