//! Where every field of a file goes in a workbook, made from the contract's own declarations:
//! per file kind a main sheet with the header fields (one per row: name, value, note) and, for
//! begroting, realisatie and voortgang, the `regels` as a table below them; every other list on
//! a sheet of its own. A table has a notes row (the field's description), then a row of field
//! names, then one row per record; `bedragen` becomes one column per year, headed by the year.

use super::values::Kind;
use crate::load::raw::{
    Field, Mapping, RawAlternatief, RawBeheerconsequentie, RawDoel, RawDoelWaarde, RawDoorkijk, RawRealisatieRegel,
    RawRegel, RawResultaat, RawResultaatStatus, RawRisico, RawVoortgangRegel, RawVoortgangResultaat, Shape,
};
use crate::model::FileKind;

/// The hidden sheet with the drop-down lists.
pub const LISTS_SHEET: &str = "Lijsten";
/// The first sheet: what the workbook is and how to deliver it.
pub const GUIDE_SHEET: &str = "Toelichting";

/// One sheet of a file kind.
#[derive(Clone, Copy, Debug)]
pub struct SheetDef {
    /// The sheet's name.
    pub name: &'static str,
    /// The file it belongs to.
    pub kind: Kind,
    /// Whether the header fields are on this sheet (the main sheet).
    pub kop: bool,
    /// The list shown as a table: its key and the mapping of its records.
    pub list: Option<(&'static str, &'static Mapping)>,
}

/// The declaration of a file kind (the one the JSON Schemas are made from).
pub fn top(kind: Kind) -> &'static Mapping {
    crate::schema::declaration(match kind {
        Kind::Plan => FileKind::Plan,
        Kind::Begroting => FileKind::Begroting,
        Kind::Realisatie => FileKind::Realisatie,
        Kind::Voortgang => FileKind::Voortgang,
    })
}

/// The header fields of a file kind: every field that is not a list.
pub fn kop_fields(kind: Kind) -> impl Iterator<Item = &'static Field> {
    top(kind).fields.iter().filter(|f| !matches!(f.spec.shape, Shape::List(_)))
}

const PLAN: &[SheetDef] = &[
    SheetDef { name: "Plan", kind: Kind::Plan, kop: true, list: None },
    SheetDef { name: "Doelen", kind: Kind::Plan, kop: false, list: Some(("doelen", &RawDoel::SPEC)) },
    SheetDef { name: "Resultaten", kind: Kind::Plan, kop: false, list: Some(("resultaten", &RawResultaat::SPEC)) },
    SheetDef { name: "Doorkijk", kind: Kind::Plan, kop: false, list: Some(("doorkijk", &RawDoorkijk::SPEC)) },
    SheetDef { name: "Risico's", kind: Kind::Plan, kop: false, list: Some(("risicos", &RawRisico::SPEC)) },
    SheetDef {
        name: "Beheerconsequenties",
        kind: Kind::Plan,
        kop: false,
        list: Some(("beheerconsequenties", &RawBeheerconsequentie::SPEC)),
    },
];

const BEGROTING: &[SheetDef] = &[
    SheetDef { name: "Begroting", kind: Kind::Begroting, kop: true, list: Some(("regels", &RawRegel::SPEC)) },
    SheetDef {
        name: "Alternatieven",
        kind: Kind::Begroting,
        kop: false,
        list: Some(("alternatieven", &RawAlternatief::SPEC)),
    },
];

const REALISATIE: &[SheetDef] = &[
    SheetDef {
        name: "Realisatie",
        kind: Kind::Realisatie,
        kop: true,
        list: Some(("regels", &RawRealisatieRegel::SPEC)),
    },
    SheetDef {
        name: "Realisatie resultaten",
        kind: Kind::Realisatie,
        kop: false,
        list: Some(("resultaten", &RawResultaatStatus::SPEC)),
    },
    SheetDef {
        name: "Realisatie doelen",
        kind: Kind::Realisatie,
        kop: false,
        list: Some(("doelen", &RawDoelWaarde::SPEC)),
    },
];

const VOORTGANG: &[SheetDef] = &[
    SheetDef { name: "Voortgang", kind: Kind::Voortgang, kop: true, list: Some(("regels", &RawVoortgangRegel::SPEC)) },
    SheetDef {
        name: "Voortgang resultaten",
        kind: Kind::Voortgang,
        kop: false,
        list: Some(("resultaten", &RawVoortgangResultaat::SPEC)),
    },
];

/// The sheets of a file kind, main sheet first.
pub fn of_kind(kind: Kind) -> &'static [SheetDef] {
    match kind {
        Kind::Plan => PLAN,
        Kind::Begroting => BEGROTING,
        Kind::Realisatie => REALISATIE,
        Kind::Voortgang => VOORTGANG,
    }
}

/// Every data sheet of every kind.
pub fn all() -> impl Iterator<Item = &'static SheetDef> {
    [PLAN, BEGROTING, REALISATIE, VOORTGANG].into_iter().flatten()
}

/// A sheet by name.
pub fn named(name: &str) -> Option<&'static SheetDef> {
    all().find(|s| s.name == name)
}

/// The drop-down list a field gets, if any: a closed spelling list, or a register of the
/// stelsel (by the field's key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices {
    /// The contract's spellings.
    Spelled(&'static [&'static str]),
    /// The ids of the stelsel's beleidsdoelen.
    Beleidsdoelen,
    /// The ids of the stelsel's componenten.
    Componenten,
    /// The ids of the stelsel's features.
    Features,
}

/// The drop-down list of a field.
pub fn choices(f: &Field) -> Option<Choices> {
    match (f.spec.shape, f.name) {
        (Shape::Choice(s), _) => Some(Choices::Spelled(s)),
        (Shape::Id, "beleidsdoel") => Some(Choices::Beleidsdoelen),
        (Shape::Id, "component") => Some(Choices::Componenten),
        (Shape::Id, "feature") => Some(Choices::Features),
        _ => None,
    }
}
