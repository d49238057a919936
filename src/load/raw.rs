//! Raw input types: exactly the YAML files of the contract, every field optional so that a
//! missing required field is reported with its place instead of stopping the file, every
//! scalar kept as spanned text so that its form is judged (and reported) by `lower`.

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

macro_rules! raw {
    ($(#[doc = $doc:literal] $name:ident { $($(#[$fm:meta])* $field:ident : $ty:ty),* $(,)? })*) => {$(
        #[doc = $doc]
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name { $($(#[$fm])* pub $field: Option<$ty>,)* }
    )*};
}

raw! {
    /// `stelsel.yaml`.
    RawStelsel {
        naam: S, organisaties: Vec<Spanned<RawOrganisatie>>, financiers: Vec<Spanned<RawNamed>>,
        beleidsdoelen: Vec<Spanned<RawBeleidsdoel>>, componenten: Vec<Spanned<RawNamed>>,
        features: Vec<Spanned<RawFeature>>, taakstellend: Vec<Spanned<RawTaakstellend>>,
        kalender: Vec<Spanned<RawTermijn>>, normen: Spanned<RawNormen>,
    }
    /// A party.
    RawOrganisatie { id: S, naam: S, rol: S, rapporteert_aan: S }
    /// An id with a name.
    RawNamed { id: S, naam: S }
    /// A perspective.
    RawBeleidsdoel { id: S, naam: S, beraad: S }
    /// A feature.
    RawFeature { id: S, naam: S, component: S }
    /// A capped budget.
    RawTaakstellend { beleidsdoel: S, bedragen: Spanned<Pairs<I, S>>, verdeelsleutel: Spanned<Pairs<S, S>> }
    /// A calendar entry.
    RawTermijn { stuk: S, rol: S, jaar: S, maand: I, dag: I }
    /// The norms.
    RawNormen { afwijking_procent: S, afwijking_bedrag: S, minimaal_alternatieven: I, stukken_dagen_voor_vergadering: I }
    /// `afspraken.yaml`.
    RawAfspraken { afspraken: Vec<Spanned<RawAfspraak>> }
    /// An agreement.
    RawAfspraak { organisatie: S, soort: S, van: S, tot: S, getekend_op: S, financiele_paragraaf: Spanned<bool>, status: S }
    /// `plan.yaml`.
    RawPlan {
        organisatie: S, jaar: I, status: S, ingediend_op: S, dienstverleningsniveau: S,
        doelen: Vec<Spanned<RawDoel>>, resultaten: Vec<Spanned<RawResultaat>>,
        doorkijk: Vec<Spanned<RawDoorkijk>>, risicos: Vec<Spanned<RawRisico>>,
        beheerconsequenties: Vec<Spanned<RawBeheerconsequentie>>,
    }
    /// A goal.
    RawDoel { id: S, beleidsdoel: S, omschrijving: S, indicator: S, streefwaarde: S }
    /// A result.
    RawResultaat { id: S, doel: S, omschrijving: S, component: S, gereed: S }
    /// An outlook entry.
    RawDoorkijk { jaar: I, omschrijving: S, doel: S, beleidsdoel: S }
    /// A risk.
    RawRisico { id: S, omschrijving: S, kans: S, impact: S, maatregel: S, bedrag: S }
    /// A management consequence.
    RawBeheerconsequentie { omschrijving: S, bedrag_per_jaar: S, vanaf: I, component: S, beleidsdoel: S, besluit: S }
    /// `begroting.yaml`.
    RawBegroting {
        organisatie: S, jaar: I, status: S, ingediend_op: S,
        regels: Vec<Spanned<RawRegel>>, alternatieven: Spanned<Vec<Spanned<RawAlternatief>>>,
    }
    /// A budget line.
    RawRegel {
        id: S, omschrijving: S, beleidsdoel: S, component: S, kostensoort: S, feature: S,
        resultaten: Vec<S>, bedragen: Spanned<Pairs<I, S>>,
    }
    /// An alternative of a begroting.
    RawAlternatief { niveau: S, totaal: S, omschrijving: S, risicos: Vec<S> }
    /// `realisatie.yaml`.
    RawRealisatie {
        organisatie: S, jaar: I, status: S, ingediend_op: S,
        regels: Vec<Spanned<RawRealisatieRegel>>, resultaten: Vec<Spanned<RawResultaatStatus>>,
    }
    /// A realisation line.
    RawRealisatieRegel { regel: S, bedrag: S, toelichting: S }
    /// A result status.
    RawResultaatStatus { resultaat: S, status: S, toelichting: S }
    /// `vergaderingen/<date>-<beraad>.yaml`.
    RawVergadering { beraad: S, datum: S, stukken_verzonden_op: S, agenda: Vec<Spanned<RawAgendapunt>> }
    /// An agenda item.
    RawAgendapunt {
        id: I, onderwerp: S, soort: S, stuk: S, jaar: I, voorstel: S,
        alternatieven: Vec<Spanned<RawAgendaAlternatief>>,
    }
    /// An alternative of a decision item.
    RawAgendaAlternatief { naam: S, bedrag: S, niveau: S, risicos: Vec<S> }
}
