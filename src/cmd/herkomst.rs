//! `jaarcyclus herkomst`: where a figure of the documents comes from, level by level down to
//! the source lines, for people or as JSON.

use super::{Exit, peildatum, refused};
use jaarcyclus::herkomst::{Stuk, Vraag, render};
use jaarcyclus::pipeline::trace;
use std::path::Path;

/// The arguments of `herkomst`.
pub struct Args {
    /// Cycle year.
    pub jaar: i32,
    /// Perspective id.
    pub beleidsdoel: String,
    /// One party's branch.
    pub organisatie: Option<String>,
    /// begroting, realisatie or voortgang.
    pub stuk: String,
    /// Year slice of the begroting.
    pub jaarschijf: Option<i32>,
    /// Quarter of the progress.
    pub kwartaal: Option<u8>,
    /// Reference date as written.
    pub peildatum: Option<String>,
    /// JSON instead of text.
    pub json: bool,
}

/// Runs `herkomst`.
pub fn run(data: &Path, a: Args) -> Exit {
    let peildatum = match peildatum(a.peildatum.as_deref()) {
        Ok(d) => d,
        Err(e) => return e,
    };
    let stuk = match a.stuk.as_str() {
        "realisatie" => Stuk::Realisatie,
        "voortgang" => Stuk::Voortgang,
        _ => Stuk::Begroting,
    };
    let vraag = Vraag {
        jaar: a.jaar,
        jaarschijf: a.jaarschijf,
        beleidsdoel: a.beleidsdoel,
        organisatie: a.organisatie,
        stuk,
        kwartaal: a.kwartaal,
        peildatum,
    };
    match trace(data, &vraag) {
        Ok((_, h)) => {
            if a.json {
                println!("{}", render::json(&h));
            } else {
                print!("{}", render::human(&h));
            }
            Exit::Ok
        }
        Err(r) => refused(r, "herkomst"),
    }
}
