//! Values with their place, as both parsers hand them over: `Spanned<T>` and mappings kept as
//! ordered pairs.

use crate::diag::Pos;
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
                let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
                let pos = Pos::new(s.referenced.line() as u32, s.referenced.column() as u32);
                Ok(Spanned { value: s.value, pos })
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
pub type I = Spanned<i64>;
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
