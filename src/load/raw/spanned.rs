//! Values with their place, as both parsers hand them over: `Spanned<T>` and mappings kept as
//! ordered pairs.

use crate::diag::Pos;
use serde::de::{Error, Visitor};
use serde::{Deserialize, Deserializer};

/// A value with the place where it is written (line and column of its first character).
///
/// Read by either parser: serde-saphyr (through its own `Spanned`, see `visit_newtype_struct`)
/// or the fast path of `super::fast`, which hands the place over as a small map.
#[derive(Debug, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Its place.
    pub pos: Pos,
}

/// The newtype name by which a deserializer recognises a `Spanned` (serde-saphyr treats any
/// name it does not know as a plain newtype and calls `visit_newtype_struct`).
pub(crate) const SPANNED_NAME: &str = "__jaarcyclus_spanned";
/// The keys of the map by which the fast path hands over a place and a value, in this order.
pub(crate) const SPANNED_KEYS: [&str; 3] = ["__jaarcyclus_line", "__jaarcyclus_column", "value"];

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Vis<T> {
            type Value = Spanned<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value with its place")
            }
            fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                let s = serde_saphyr::Spanned::<ByType<T>>::deserialize(d)?;
                let pos = Pos::new(s.referenced.line() as u32, s.referenced.column() as u32);
                Ok(Spanned { value: s.value.0, pos })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                fn key<'de, A: serde::de::MapAccess<'de>>(m: &mut A, want: &str) -> Result<(), A::Error> {
                    match m.next_key::<&str>()? {
                        Some(k) if k == want => Ok(()),
                        _ => Err(serde::de::Error::custom("not a place")),
                    }
                }
                key(&mut m, SPANNED_KEYS[0])?;
                let line: u32 = m.next_value()?;
                key(&mut m, SPANNED_KEYS[1])?;
                let column: u32 = m.next_value()?;
                key(&mut m, SPANNED_KEYS[2])?;
                Ok(Spanned { value: m.next_value()?, pos: Pos::new(line, column) })
            }
        }
        d.deserialize_newtype_struct(SPANNED_NAME, Vis(std::marker::PhantomData))
    }
}

/// A scalar as written, with its place.
pub type S = Spanned<String>;
/// An integer with its place.
pub type I = Spanned<Int>;

/// An integer as written. Only a plain YAML integer is one: the loader reports anything else in
/// its place as E003 at that place — a quoted number too (`jaar: "2027"`; contract §2: "years and
/// year keys: unquoted integers"), which serde-saphyr alone would read as the number.
#[derive(Debug, PartialEq)]
pub enum Int {
    /// A plain integer: `2027`.
    Plain(i64),
    /// Anything else, as written (a number as read), and whether it was a quoted number.
    Not {
        /// The value as text: `2027` for `"2027"`, `twee`, `2027.5`.
        text: String,
        /// Written as text but a whole number: `"2027"`.
        quoted: bool,
    },
}

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // The fast path hands over only a plain integer here (anything else leaves it);
        // serde-saphyr reads by the value's YAML type under `ByType`.
        d.deserialize_i64(IntVisitor)
    }
}

struct IntVisitor;

impl<'de> Visitor<'de> for IntVisitor {
    type Value = Int;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("een geheel getal")
    }
    fn visit_i64<E: Error>(self, n: i64) -> Result<Int, E> {
        Ok(Int::Plain(n))
    }
    fn visit_u64<E: Error>(self, n: u64) -> Result<Int, E> {
        Ok(i64::try_from(n).map_or_else(|_| Int::Not { text: n.to_string(), quoted: false }, Int::Plain))
    }
    fn visit_f64<E: Error>(self, x: f64) -> Result<Int, E> {
        Ok(Int::Not { text: x.to_string(), quoted: false })
    }
    fn visit_bool<E: Error>(self, b: bool) -> Result<Int, E> {
        Ok(Int::Not { text: b.to_string(), quoted: false })
    }
    fn visit_str<E: Error>(self, s: &str) -> Result<Int, E> {
        // Read by YAML type, a plain whole number never arrives as text: this one was quoted.
        let t = s.trim();
        let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
        let quoted = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        Ok(Int::Not { text: s.to_string(), quoted })
    }
}

/// A value read by serde-saphyr with its integers read by their YAML type (`deserialize_any`),
/// so that a quoted number arrives as text; everything else is read as the library reads it.
struct ByType<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ByType<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(IntegersByType(d)).map(ByType)
    }
}

struct IntegersByType<D>(D);

macro_rules! pass {
    ($($name:ident($($arg:ident: $ty:ty),*))*) => {$(
        fn $name<V: Visitor<'de>>(self, $($arg: $ty,)* v: V) -> Result<V::Value, D::Error> {
            self.0.$name($($arg,)* v)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for IntegersByType<D> {
    type Error = D::Error;

    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(v)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    pass! {
        deserialize_any() deserialize_bool() deserialize_i8() deserialize_i16() deserialize_i32()
        deserialize_i128() deserialize_u8() deserialize_u16() deserialize_u32() deserialize_u64()
        deserialize_u128() deserialize_f32() deserialize_f64() deserialize_char() deserialize_str()
        deserialize_string() deserialize_bytes() deserialize_byte_buf() deserialize_option() deserialize_unit()
        deserialize_unit_struct(name: &'static str) deserialize_newtype_struct(name: &'static str)
        deserialize_seq() deserialize_tuple(len: usize) deserialize_tuple_struct(name: &'static str, len: usize)
        deserialize_map() deserialize_struct(name: &'static str, fields: &'static [&'static str])
        deserialize_enum(name: &'static str, variants: &'static [&'static str]) deserialize_identifier()
        deserialize_ignored_any()
    }
}

/// A list of mappings, each with its place.
pub type List<T> = Option<Vec<Spanned<T>>>;

/// A mapping kept as ordered pairs, with the place of each key and value.
#[derive(Debug)]
pub struct Pairs<K, V>(pub Vec<(K, V)>);

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Pairs<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> serde::de::Visitor<'de> for Vis<K, V> {
            type Value = Pairs<K, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = m.next_key()? {
                    v.push((k, m.next_value()?));
                }
                Ok(Pairs(v))
            }
        }
        d.deserialize_map(Vis(std::marker::PhantomData))
    }
}
