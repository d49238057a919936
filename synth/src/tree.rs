//! Generator, parties: the reporting tree of N parties — one SBO, about N/10 TBOs and the rest
//! OBOs spread over them — with names and the role-specific submission deadlines.

use super::rng::Rng;
use super::spell::Rol;
use super::words::{ORGANISATIONS, REGIONS};
use super::yaml::ymd;
use jiff::civil::Date;

/// One generated party.
#[derive(Clone, Debug)]
pub struct Party {
    /// Its id.
    pub id: String,
    /// Its display name.
    pub naam: String,
    /// SBO, TBO or OBO.
    pub rol: Rol,
    /// The id of the party it reports to (none for the SBO).
    pub parent: Option<String>,
}

/// The id of the SBO.
pub const SBO_ID: &str = "bzk-sbo";

/// The parties, SBO first, each TBO followed by its OBOs. From ten parties on, the last OBO
/// reports straight to the SBO, as Rijkswaterstaat does in the default data (W504).
pub fn parties(n: usize, rng: &mut Rng) -> Vec<Party> {
    let mut out = vec![Party {
        id: SBO_ID.into(),
        naam: "Strategische Beheerorganisatie (BZK)".into(),
        rol: Rol::Sbo,
        parent: None,
    }];
    if n <= 1 {
        return out;
    }
    let tbos = (n / 10).clamp(1, n - 1);
    let obos = n - 1 - tbos;
    let (tw, ow) = (digits(tbos), digits(obos));
    let mut next_obo = 0;
    for t in 0..tbos {
        let tbo = format!("tbo-{:0tw$}", t + 1);
        let org = rng.pick(ORGANISATIONS);
        out.push(Party {
            id: tbo.clone(),
            naam: format!("{org} (Tactische Beheerorganisatie, cluster {})", t + 1),
            rol: Rol::Tbo,
            parent: Some(SBO_ID.into()),
        });
        // OBOs are dealt out in consecutive blocks whose sizes differ by at most one.
        let share = obos / tbos + usize::from(t < obos % tbos);
        for _ in 0..share {
            next_obo += 1;
            let (org, region) = (rng.pick(ORGANISATIONS), rng.pick(REGIONS));
            out.push(Party {
                id: format!("obo-{next_obo:0ow$}"),
                naam: format!("{org} {region} (Operationele Beheerorganisatie {next_obo})"),
                rol: Rol::Obo,
                parent: Some(tbo.clone()),
            });
        }
    }
    if n >= 10
        && let Some(last) = out.iter_mut().rev().find(|p| p.rol == Rol::Obo)
    {
        last.parent = Some(SBO_ID.into());
    }
    out
}

fn digits(n: usize) -> usize {
    n.max(1).to_string().len().max(2)
}

/// The calendar's deadline for plan and begroting of cycle year `y` (contract §3, as in the
/// default stelsel): 1 September, October or November of Y-1 by role.
pub fn plan_deadline(rol: Rol, y: i32) -> Date {
    ymd(y - 1, role_month(rol, 9), 1)
}

/// The deadline for the realisation of `y`: 1 March, April or May of Y+1 by role.
pub fn realisatie_deadline(rol: Rol, y: i32) -> Date {
    ymd(y + 1, role_month(rol, 3), 1)
}

fn role_month(rol: Rol, obo_month: i8) -> i8 {
    match rol {
        Rol::Obo => obo_month,
        Rol::Tbo => obo_month + 1,
        Rol::Sbo => obo_month + 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sbo_tenth_tbos_rest_obos() {
        let ps = parties(100, &mut Rng::new(1));
        assert_eq!(ps.len(), 100);
        assert_eq!(ps.iter().filter(|p| p.rol == Rol::Sbo).count(), 1);
        assert_eq!(ps.iter().filter(|p| p.rol == Rol::Tbo).count(), 10);
        assert_eq!(parties(2, &mut Rng::new(1)).len(), 2);
        assert_eq!(parties(1, &mut Rng::new(1)).len(), 1);
    }
}
