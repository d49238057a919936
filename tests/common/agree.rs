//! The differential test of the YAML fast path: both parsers must read a text alike.
#![allow(dead_code)]

/// For the differential tests and the fuzzer: reads `text` as each file kind with both parsers.
/// Returns how many kinds the fast path took, or what differs where it took one and the full
/// parser read something else (or refused).
pub fn agrees(text: &str) -> Result<usize, String> {
    use jaarcyclus::load::raw::*;
    use serde::de::DeserializeOwned;
    fn one<T: DeserializeOwned + std::fmt::Debug>(text: &str, kind: &str) -> Result<usize, String> {
        let Some(fast) = jaarcyclus::load::parse_fast::<T>(text) else { return Ok(0) };
        match jaarcyclus::load::parse_full::<T>(text) {
            Ok(full) => {
                let (a, b) = (format!("{fast:#?}"), format!("{full:#?}"));
                if a == b {
                    Ok(1)
                } else {
                    let at = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
                    let show = |s: &str| s.lines().skip(at.saturating_sub(3)).take(12).collect::<Vec<_>>().join("\n");
                    Err(format!("{kind}: fast path differs\n--- fast\n{}\n--- full\n{}", show(&a), show(&b)))
                }
            }
            Err(d) => Err(format!("{kind}: fast path accepted what the full parser refuses: {d:?}")),
        }
    }
    Ok(one::<RawStelsel>(text, "stelsel")?
        + one::<RawAfspraken>(text, "afspraken")?
        + one::<RawAanvaard>(text, "aanvaard")?
        + one::<RawPlan>(text, "plan")?
        + one::<RawBegroting>(text, "begroting")?
        + one::<RawRealisatie>(text, "realisatie")?
        + one::<RawWijziging>(text, "wijziging")?
        + one::<RawVoortgang>(text, "voortgang")?
        + one::<RawVergadering>(text, "vergadering")?
        + one::<RawOntvangsten>(text, "ontvangsten")?)
}
