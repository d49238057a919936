//! `ontvangsten.yaml` (contract §15), the receipt register, declared field by field.

use super::spanned::{I, S, Spanned};
use super::spec::{Shape::*, contract, req};

contract! {
    /// `ontvangsten.yaml`.
    RawOntvangsten, OntvangstenFields ("ontvangsten.yaml: ontvangstregister",
        "Het register van ontvangen bestanden, één regel per ontvangen bestand, oudste eerst. Alleen jaarcyclus \
         ontvang schrijft dit bestand; bewerk het niet met de hand. Een bestand met een ontvangst voor zijn \
         huidige inhoud geldt als aangeleverd op de ontvangstdatum.") {
        ontvangsten: Vec<Spanned<RawOntvangst>> = super::spec::opt(List(&RawOntvangst::SPEC), "Ontvangsten",
            "De ontvangsten, oudste eerst."),
    } []

    /// A receipt.
    RawOntvangst, OntvangstFields ("Ontvangst", "Eén bestand van een partij, ontvangen door jaarcyclus ontvang.") {
        organisatie: S = req(Id, "Organisatie", "Id van de partij die het bestand aanleverde."),
        jaar: I = req(Year, "Jaar", "Het cyclusjaar van het bestand."),
        bestand: S = req(Code, "Bestand",
            "Het bestand, ten opzichte van de gegevensmap: <jaar>/<organisatie>/<bestand>, bijv. \
             2027/geonovum/begroting.yaml."),
        sha256: S = req(Code, "SHA-256",
            "De SHA-256 van de bytes van het bestand zoals het is geschreven: 64 hexadecimale cijfers in kleine \
             letters."),
        ontvangen_op: S = req(Date, "Ontvangen op",
            "De ontvangstdatum: de peildatum van de ontvangst (standaard de dag zelf)."),
        tijdstip: S = req(Code, "Tijdstip",
            "Het werkelijke moment van ontvangst in UTC, JJJJ-MM-DDTHH:MM:SSZ; nooit met een optie te zetten."),
        fouten: I = req(Whole { min: 0, max: u32::MAX as i64 }, "Fouten",
            "Het aantal fouten bij de controle op het moment van ontvangst."),
        waarschuwingen: I = req(Whole { min: 0, max: u32::MAX as i64 }, "Waarschuwingen",
            "Het aantal waarschuwingen bij de controle op het moment van ontvangst."),
    } []
}
