//! Validated domain types: what `load` hands on after reading and checking every value's form.
//! Later stages only ever see these, never the raw YAML. One file per file kind of the contract.

mod aanvaard;
mod afspraken;
mod amended;
mod at;
mod begroting;
mod deliveries;
mod enums;
mod money;
mod ontvangsten;
mod plan;
mod realisatie;
mod stelsel;
mod tree;
mod vergadering;
mod voortgang;
mod wijziging;

pub use aanvaard::Aanvaarding;
pub use afspraken::Afspraak;
pub use amended::AmendedLine;
pub use at::{At, Pos, Year};
pub use begroting::{Alternatief, Begroting, Regel};
pub use deliveries::{Bron, Delivered, Delivery, Due, quarter_end, quarter_ended};
pub use enums::*;
pub use money::{AmountError, Money, parse_amount, parse_percentage, parse_signed_amount};
pub use ontvangsten::{Ontvangst, Receipt, hex};
pub use plan::{Beheerconsequentie, Doel, Doorkijk, Header, Plan, Resultaat, Risico};
pub use realisatie::{DoelWaarde, Realisatie, RealisatieRegel, ResultaatStatusRegel};
pub use stelsel::{Beleidsdoel, Feature, Named, Normen, Organisatie, Stelsel, Taakstellend, Termijn, variance_percent};
pub use tree::{Scope, Sources, Submission, Tree};
pub use vergadering::{AgendaAlternatief, Agendapunt, Effect, Vergadering, WijzigingRef};
pub use voortgang::{Voortgang, VoortgangRegel, VoortgangResultaat};
pub use wijziging::{Mutatie, NieuweRegel, Wijziging};
