//! Generator, the tree-wide files: `stelsel.yaml` (parties, registers, capped budgets set
//! around the generated requests, calendar, norms), `afspraken.yaml` and one board meeting.

use super::rng::Rng;
use super::spell::Rol;
use super::tree::Party;
use super::words::{COMPONENTS, FINANCIERS, PERSPECTIVES};
use super::yaml::{date, q, shift, ymd};
use std::collections::BTreeMap;
use std::fmt::Write;

/// `stelsel.yaml`; `requests` holds the construct's request per (perspective index, year).
pub fn stelsel(parties: &[Party], requests: &BTreeMap<(usize, i32), i64>, seed: u64) -> String {
    let mut out = format!(
        "# Synthetisch beheerconstruct DSO-LV: {} partijen (jaarcyclus::gen, seed {seed}).\n\nnaam: {}\n\norganisaties:\n",
        parties.len(),
        q("Beheer DSO-LV (synthetische gegevens)")
    );
    for p in parties {
        let _ = write!(out, "  - id: {}\n    naam: {}\n    rol: {}\n", p.id, q(&p.naam), p.rol);
        if let Some(parent) = &p.parent {
            let _ = writeln!(out, "    rapporteert_aan: {parent}");
        }
    }
    out.push_str("\nfinanciers:\n");
    for (id, naam) in FINANCIERS {
        let _ = writeln!(out, "  - {{id: {id}, naam: {}}}", q(naam));
    }
    out.push_str("\nbeleidsdoelen:\n");
    for p in PERSPECTIVES {
        let _ = writeln!(out, "  - {{id: {}, naam: {}, beraad: {}}}", p.id, q(p.naam), q(p.beraad));
    }
    out.push_str("\ncomponenten:\n");
    for c in COMPONENTS {
        let _ = writeln!(out, "  - {{id: {}, naam: {}}}", c.id, q(c.naam));
    }
    out.push_str("\nfeatures:\n");
    for c in COMPONENTS {
        for (id, naam) in c.features {
            let _ = writeln!(out, "  - {{id: {id}, naam: {}, component: {}}}", q(naam), c.id);
        }
    }
    out.push_str("\ntaakstellend:\n");
    for (i, p) in PERSPECTIVES.iter().enumerate() {
        let Some(permille) = p.cap_permille else { continue };
        let caps: Vec<String> = requests
            .iter()
            .filter(|((pi, _), _)| *pi == i)
            .map(|((_, y), r)| format!("{y}: {}", (r * permille / 1000 + 50_000) / 100_000 * 100_000))
            .collect();
        let key: Vec<String> = FINANCIERS.iter().zip(p.key).map(|((id, _), pct)| format!("{id}: {pct}")).collect();
        let _ = write!(
            out,
            "  - beleidsdoel: {}\n    bedragen: {{{}}}\n    verdeelsleutel: {{{}}}\n",
            p.id,
            caps.join(", "),
            key.join(", ")
        );
    }
    out.push_str(CALENDAR_AND_NORMS);
    out
}

const CALENDAR_AND_NORMS: &str = "
kalender:
  - {stuk: plan, rol: OBO, jaar: Y-1, maand: 9, dag: 1}
  - {stuk: plan, rol: TBO, jaar: Y-1, maand: 10, dag: 1}
  - {stuk: plan, rol: SBO, jaar: Y-1, maand: 11, dag: 1}
  - {stuk: realisatie, rol: OBO, jaar: Y+1, maand: 3, dag: 1}
  - {stuk: realisatie, rol: TBO, jaar: Y+1, maand: 4, dag: 1}
  - {stuk: realisatie, rol: SBO, jaar: Y+1, maand: 5, dag: 1}

normen:
  afwijking_procent: 10
  afwijking_bedrag: 50000
  minimaal_alternatieven: 2
  stukken_dagen_voor_vergadering: 10
";

/// `afspraken.yaml`: every TBO and OBO covered for `first..=last`, with a few realistic gaps
/// (an open role acceptance, a missing dfa) that give warnings, never errors.
pub fn afspraken(parties: &[Party], first: i32, last: i32, rng: &mut Rng) -> String {
    let mut out = String::from("# Register van het afsprakenstelsel (synthetisch).\n\nafspraken:\n");
    let (van, tot) = (ymd(first - 1, 1, 1), ymd(last + 2, 12, 31));
    for p in parties.iter().filter(|p| p.rol != Rol::Sbo) {
        let signed = shift(van, -rng.range(10, 60));
        let entry = |out: &mut String, soort: &str, extra: &str| {
            let _ = writeln!(
                out,
                "  - {{organisatie: {}, soort: {soort}, van: {}, tot: {}, getekend_op: {}{extra}}}",
                p.id,
                date(van),
                date(tot),
                date(signed)
            );
        };
        if p.rol == Rol::Tbo {
            entry(&mut out, "raamovereenkomst", ", financiele_paragraaf: true");
            let status = if rng.chance(90) { "geaccepteerd" } else { "open" };
            let _ = writeln!(out, "  - {{organisatie: {}, soort: rolacceptatie, status: {status}}}", p.id);
        } else if rng.chance(85) {
            entry(&mut out, "meerjarenovereenkomst", ", financiele_paragraaf: true");
        } else {
            for y in first..=last {
                let _ = writeln!(
                    out,
                    "  - {{organisatie: {}, soort: jaaropdracht, van: {}, tot: {}, getekend_op: {}}}",
                    p.id,
                    date(ymd(y, 1, 1)),
                    date(ymd(y, 12, 31)),
                    date(ymd(y - 1, 12, 15))
                );
            }
        }
        for kind in ["dno", "dap", "dfa"] {
            if kind != "dfa" || rng.chance(95) {
                entry(&mut out, kind, "");
            }
        }
    }
    out
}

/// The OGB-B meeting in December before cycle year `y`: the jaarplan decision with
/// alternatives per service level, the meerjarenplan for information, a decision with amounts.
pub fn vergadering(y: i32) -> (String, String) {
    let datum = ymd(y - 1, 12, 11);
    let name = format!("vergaderingen/{}-ogb-b.yaml", date(datum));
    let text = format!(
        "# Vergadering OGB-B (synthetisch).

beraad: OGB-B
datum: {d}
stukken_verzonden_op: {sent}

agenda:
  - id: 1
    onderwerp: Vaststelling jaarplan en begroting {y}
    soort: besluit
    stuk: jaarplan
    jaar: {y}
    voorstel: Het OGB-B stelt het integrale jaarplan {y} vast op bronsniveau, binnen het taakstellend budget.
    alternatieven:
      - naam: Binnen taakstellend budget (bronsniveau voor alle partijen)
        niveau: brons
        risicos: [Storingen buiten kantoortijd blijven tot de volgende werkdag open]
      - naam: Gevraagd niveau (zilver) met aanvullende dekking
        niveau: zilver
        risicos: [Aanvullende dekking is bij de koepels niet gevonden]
      - naam: Goudniveau (24x7 en versnelde cloudmigratie)
        niveau: goud
        risicos: [Tekort op het taakstellend budget beheer verdubbelt]
  - id: 2
    onderwerp: Meerjarenplan en meerjarenbegroting {y}-{y3}
    soort: informatie
    stuk: meerjarenplan
    jaar: {y}
  - id: 3
    onderwerp: Beheerconsequenties nieuwe functionaliteit
    soort: besluit
    voorstel: Het OGB-B neemt de nieuwe functionaliteit per 1 juli {y} in beheer.
    alternatieven:
      - naam: In beheer met kort parallel beheer
        bedrag: 650000
        risicos: [Structurele kosten verdringen doorontwikkeling]
      - naam: Een jaar parallel beheer
        bedrag: 1100000
        risicos: [Eenmalig 450.000 euro extra zonder dekking]
  - id: 4
    onderwerp: Stand van het afsprakenstelsel
    soort: bespreking
",
        d = date(datum),
        sent = date(shift(datum, -14)),
        y3 = y + 3
    );
    (name, text)
}
