//! Lowering the receipt register, ontvangsten.yaml (contract §15): every value judged by its
//! declaration (E003), and a `bestand` that is no contract file of the entry's own party and
//! year refused; entries with a wrong value are reported and left out.

use crate::diag::msg;
use crate::layout::{self, Place};
use crate::load::raw::*;
use crate::load::values::{Lx, YEARS, each};
use crate::model::*;

/// `ontvangsten.yaml`.
pub fn ontvangsten(lx: &mut Lx, r: RawOntvangsten) -> Vec<Ontvangst> {
    each(r.ontvangsten, |o, at| {
        let f = &RawOntvangst::FIELDS;
        let organisatie = lx.id(o.organisatie, &f.organisatie, at);
        let jaar = lx.year(o.jaar, &f.jaar, at, YEARS.0, YEARS.1);
        let bestand = lx.id(o.bestand, &f.bestand, at);
        let sha256 = lx.id(o.sha256, &f.sha256, at).filter(|s| {
            let ok = s.value.len() == 64 && s.value.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            if !ok {
                lx.push(msg::bad_sha256(&s.value), s.pos);
            }
            ok
        });
        let ontvangen_op = lx.date(o.ontvangen_op, &f.ontvangen_op, at);
        let tijdstip = lx.id(o.tijdstip, &f.tijdstip, at).and_then(|s| {
            let t = moment(&s.value);
            if t.is_none() {
                lx.push(msg::bad_moment(&s.value), s.pos);
            }
            t
        });
        let fouten = lx.number(o.fouten, &f.fouten, at);
        let waarschuwingen = lx.number(o.waarschuwingen, &f.waarschuwingen, at);
        let (organisatie, jaar, bestand) = (organisatie?, jaar?, bestand?);
        if !is_contract_file(&bestand.value, jaar.value, &organisatie.value) {
            let d = msg::receipt_elsewhere(&bestand.value, &organisatie.value, jaar.value);
            lx.push(d, bestand.pos);
            return None;
        }
        Some(Ontvangst {
            organisatie,
            jaar,
            bestand,
            sha256: sha256?.value,
            ontvangen_op: ontvangen_op?,
            tijdstip: tijdstip?,
            fouten: u32::try_from(fouten?.value).ok()?,
            waarschuwingen: u32::try_from(waarschuwingen?.value).ok()?,
            pos: at,
        })
    })
}

/// A UTC moment written exactly `YYYY-MM-DDTHH:MM:SSZ`.
pub fn moment(s: &str) -> Option<jiff::Timestamp> {
    let b = s.as_bytes();
    let shape = b.len() == 20
        && b[10] == b'T'
        && b[19] == b'Z'
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            13 | 16 => *c == b':',
            10 | 19 => true,
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    s.parse().ok()
}

/// Whether `rel` is `<jaar>/<org>/<a contract file>`.
fn is_contract_file(rel: &str, jaar: Year, org: &str) -> bool {
    match layout::place(rel) {
        Place::PartyFile { jaar: y, org: o, name } => {
            y == jaar
                && o == org
                && (FileKind::SUBMISSION.iter().any(|(_, n)| *n == name) || FileKind::numbered(name).is_some())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_exact_utc() {
        assert!(moment("2026-08-28T14:03:12Z").is_some());
        assert!(moment("2026-08-28T14:03:12+02:00").is_none());
        assert!(moment("2026-08-28 14:03:12Z").is_none());
        assert!(moment("2026-02-30T14:03:12Z").is_none());
        assert!(moment("2026-08-28T14:03:12.5Z").is_none());
    }

    #[test]
    fn contract_files_of_the_entry_only() {
        assert!(is_contract_file("2027/geonovum/begroting.yaml", 2027, "geonovum"));
        assert!(is_contract_file("2027/geonovum/voortgang-q2.yaml", 2027, "geonovum"));
        assert!(!is_contract_file("2027/geonovum/begroting.yaml", 2026, "geonovum"));
        assert!(!is_contract_file("2027/rws-obo/begroting.yaml", 2027, "geonovum"));
        assert!(!is_contract_file("2027/geonovum/notities.txt", 2027, "geonovum"));
        assert!(!is_contract_file("../2027/geonovum/plan.yaml", 2027, "geonovum"));
    }
}
