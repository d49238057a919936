//! The amended budget (gewijzigde begroting, contract §11): a party's begroting for Y plus the
//! mutaties of every wijziging in effect at the reference date, per line; new lines from a
//! wijziging in effect join it. The one place that says what the amended budget is: the checks
//! (E303, E304, E308, W602, W603), the jaarrekening and the voortgangsrapportage read it.

use super::at::Year;
use super::begroting::Regel;
use super::enums::Kostensoort;
use super::money::Money;
use super::tree::Submission;
use super::wijziging::{Mutatie, Wijziging};
use jiff::civil::Date;
use rust_decimal::Decimal;

/// One line of the amended budget of a party for Y, with where its figures come from.
#[derive(Clone, Debug)]
pub struct AmendedLine<'a> {
    /// The line id.
    pub id: &'a str,
    /// What it pays for (a new line's from its wijziging).
    pub omschrijving: &'a str,
    /// The perspective.
    pub beleidsdoel: &'a str,
    /// The component.
    pub component: &'a str,
    /// The cost type.
    pub kostensoort: Kostensoort,
    /// The feature.
    pub feature: Option<&'a str>,
    /// The begroting's amount for Y (primitief); 0 for a new line.
    pub begroting: Money,
    /// The sum of the mutaties in effect.
    pub mutaties: Decimal,
    /// The wijziging that brought a new line, by number.
    pub nieuw: Option<u32>,
    /// The begroting line; `None` for a new line.
    pub regel: Option<&'a Regel>,
    /// The mutaties in effect that changed it, in the order they were applied.
    pub bronnen: Vec<(&'a Wijziging, &'a Mutatie)>,
}

impl AmendedLine<'_> {
    /// The amended budget: begroting plus mutaties (never below zero once E201 is clear).
    pub fn gewijzigd(&self) -> Decimal {
        self.begroting.decimal() + self.mutaties
    }

    /// The amended budget as money (a negative amount, already E201, counts as zero).
    pub fn amount(&self) -> Money {
        Money::from_decimal(self.gewijzigd().max(Decimal::ZERO))
    }
}

impl Submission {
    /// The lines of the amended budget for Y at `peildatum`: the begroting's lines in their
    /// order, then the new lines of the wijzigingen in effect in number order.
    pub fn amended(&self, y: Year, peildatum: Date) -> Vec<AmendedLine<'_>> {
        let mut lines: Vec<AmendedLine> = self
            .begroting
            .iter()
            .flat_map(|b| &b.regels)
            .map(|r| AmendedLine {
                id: &r.id.value,
                omschrijving: &r.omschrijving,
                beleidsdoel: &r.beleidsdoel.value,
                component: &r.component.value,
                kostensoort: r.kostensoort,
                feature: r.feature.as_ref().map(|f| f.value.as_str()),
                begroting: r.amount(y),
                mutaties: Decimal::ZERO,
                nieuw: None,
                regel: Some(r),
                bronnen: Vec::new(),
            })
            .collect();
        for w in self.wijzigingen.iter().filter(|w| w.in_effect(peildatum)) {
            for m in &w.regels {
                let known = lines.iter().position(|l| l.id == m.regel.value);
                let i = match (known, &m.nieuw) {
                    (Some(i), _) => i,
                    (None, Some(n)) => {
                        lines.push(AmendedLine {
                            id: &m.regel.value,
                            omschrijving: &n.omschrijving,
                            beleidsdoel: &n.beleidsdoel.value,
                            component: &n.component.value,
                            kostensoort: n.kostensoort,
                            feature: n.feature.as_ref().map(|f| f.value.as_str()),
                            begroting: Money::ZERO,
                            mutaties: Decimal::ZERO,
                            nieuw: Some(w.nummer.value),
                            regel: None,
                            bronnen: Vec::new(),
                        });
                        lines.len() - 1
                    }
                    // An unknown line (E105) changes nothing.
                    (None, None) => continue,
                };
                if let Some(d) = &m.mutatie {
                    lines[i].mutaties += d.value;
                    lines[i].bronnen.push((w, m));
                }
            }
        }
        lines
    }

    /// The yardstick of a progress report of quarter `k` (contract §14): the lines of the
    /// amended budget at the end of the quarter — the wijzigingen adopted on or before its last
    /// day, and on or before `peildatum` when the quarter has not ended yet.
    pub fn amended_at_quarter_end(&self, y: Year, k: u8, peildatum: Date) -> Vec<AmendedLine<'_>> {
        self.amended(y, super::deliveries::quarter_end(y, k).min(peildatum))
    }

    /// Whether any wijziging is in effect at `peildatum`.
    pub fn amended_at(&self, peildatum: Date) -> bool {
        self.wijzigingen.iter().any(|w| w.in_effect(peildatum))
    }
}
