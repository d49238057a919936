//! The budget lines of a party's page: the table of all lines with their amounts over the years,
//! then per line its section with what it is, its account and where each amount stands.
//!
//! Like the numbered lines of a source page, these are the bulk of a large site (a thousand
//! parties of fifty lines each are fifty thousand sections), so they are written here rather
//! than by a template loop over values copied into the template engine — escaped by the same
//! function as every value the templates write (`links::escape`), then handed to the template
//! as safe text.

use super::links::escape;
use super::model::Link;
use crate::model::Year;
use std::fmt::Write;

/// A budget line on its party's page.
pub struct Regel {
    pub anker: String,
    pub id: String,
    pub omschrijving: String,
    pub beleidsdoel: Link,
    pub component: String,
    pub kostensoort: &'static str,
    pub feature: Option<String>,
    pub resultaten: Vec<String>,
    /// Per year of the roll-up.
    pub bedragen: Vec<String>,
    /// The begroting's amount for the year in its file, when the herkomst does not show it.
    pub bron: Option<Link>,
    pub herkomst: Vec<Herkomst>,
    pub rekening: Option<Rekening>,
}

/// One amount of a line and where it stands.
pub struct Herkomst {
    pub wat: String,
    pub bedrag: String,
    pub bron: Option<Link>,
    pub want: Option<String>,
}

/// A line's account of the year.
pub struct Rekening {
    pub begroot: String,
    pub mutaties: String,
    pub gewijzigd: String,
    pub gerealiseerd: Option<String>,
    pub verschil: Option<String>,
    pub procent: Option<String>,
    pub boven_norm: bool,
    pub toelichting: Option<String>,
}

/// Writes `text` escaped.
fn t(out: &mut String, text: &str) {
    let _ = escape(text, out);
}

/// Writes `text` escaped, or a dash when it is absent or empty.
fn or_dash(out: &mut String, text: Option<&str>) {
    match text.filter(|s| !s.is_empty()) {
        Some(s) => t(out, s),
        None => out.push('—'),
    }
}

/// Writes a link, its address and text escaped.
fn link(out: &mut String, l: &Link) {
    out.push_str("<a href=\"");
    t(out, &l.href);
    out.push_str("\">");
    t(out, &l.tekst);
    out.push_str("</a>");
}

/// The table of the lines and a section per line, as HTML; empty without lines.
pub fn render(regels: &[Regel], jaren: &[Year], jaar: Year) -> String {
    let mut o = String::with_capacity(regels.len() * 1600);
    if regels.is_empty() {
        return o;
    }
    let _ = write!(
        o,
        "<table class=\"bedragen\">\n  <caption>De regels van de begroting {jaar}, met de ramingen voor de jaren daarna</caption>\n  <thead>\n    <tr>\n      <th scope=\"col\">Regel</th>\n      <th scope=\"col\">Omschrijving</th>\n      <th scope=\"col\">Beleidsdoel</th>\n      "
    );
    for j in jaren {
        let _ = write!(o, "<th scope=\"col\" class=\"getal\">{j}</th>");
    }
    o.push_str("\n    </tr>\n  </thead>\n  <tbody>\n");
    for r in regels {
        row(&mut o, r, jaren.len());
    }
    o.push_str("  </tbody>\n</table>\n");
    for r in regels {
        section(&mut o, r, jaar);
    }
    o
}

/// The line's row in the table of all lines.
fn row(o: &mut String, r: &Regel, years: usize) {
    o.push_str("<tr><th scope=\"row\" class=\"id\"><a href=\"#");
    t(o, &r.anker);
    o.push_str("\">");
    t(o, &r.id);
    o.push_str("</a></th><td>");
    t(o, &r.omschrijving);
    o.push_str("</td><td>");
    t(o, &r.beleidsdoel.tekst);
    o.push_str("</td>");
    if r.bedragen.is_empty() {
        let _ = write!(o, "<td colspan=\"{years}\">niet in de begroting</td>");
    }
    for b in &r.bedragen {
        o.push_str("<td class=\"getal\">");
        t(o, b);
        o.push_str("</td>");
    }
    o.push_str("</tr>\n");
}

/// The line's own section: what it is, its account and where each amount stands.
fn section(o: &mut String, r: &Regel, jaar: Year) {
    o.push_str("<section class=\"regel\" id=\"");
    t(o, &r.anker);
    o.push_str("\" aria-labelledby=\"");
    t(o, &r.anker);
    o.push_str("-kop\">\n<h3 id=\"");
    t(o, &r.anker);
    o.push_str("-kop\">");
    t(o, &r.id);
    o.push_str(" — ");
    t(o, &r.omschrijving);
    o.push_str("</h3>\n<p class=\"kenmerken\">Beleidsdoel: ");
    if r.beleidsdoel.href.is_empty() {
        or_dash(o, Some(&r.beleidsdoel.tekst));
    } else {
        link(o, &r.beleidsdoel);
    }
    let kenmerk = |o: &mut String, label: &str, value: &str| {
        if !value.is_empty() {
            o.push_str(" · ");
            o.push_str(label);
            t(o, value);
        }
    };
    kenmerk(o, "component: ", &r.component);
    kenmerk(o, "kostensoort: ", r.kostensoort);
    kenmerk(o, "functionaliteit: ", r.feature.as_deref().unwrap_or_default());
    kenmerk(o, "betaalt resultaten ", &r.resultaten.join(", "));
    if let Some(b) = &r.bron {
        o.push_str(" · bron: ");
        link(o, b);
    }
    o.push_str("</p>\n");
    if let Some(k) = &r.rekening {
        let (boven, note) = if k.boven_norm { (" boven", " (verschil boven de norm)") } else { ("", "") };
        let _ = write!(
            o,
            "<table class=\"bedragen smal{boven}\"><caption>Verantwoording {jaar}{note}</caption>\n<thead><tr><th scope=\"col\" class=\"getal\">Begroting</th><th scope=\"col\" class=\"getal\">Wijzigingen</th><th scope=\"col\" class=\"getal\">Na wijziging</th><th scope=\"col\" class=\"getal\">Gerealiseerd</th><th scope=\"col\" class=\"getal\">Verschil</th><th scope=\"col\" class=\"getal\">Verschil in %</th></tr></thead>\n<tbody><tr>"
        );
        for (value, absent) in [
            (Some(k.begroot.as_str()), "—"),
            (Some(k.mutaties.as_str()), "—"),
            (Some(k.gewijzigd.as_str()), "—"),
            (k.gerealiseerd.as_deref(), "niet gerealiseerd"),
            (k.verschil.as_deref(), "—"),
            (k.procent.as_deref(), "—"),
        ] {
            o.push_str("<td class=\"getal\">");
            match value.filter(|v| !v.is_empty()) {
                Some(v) => t(o, v),
                None => o.push_str(absent),
            }
            o.push_str("</td>");
        }
        o.push_str("</tr></tbody></table>\n");
        if let Some(tl) = k.toelichting.as_deref().filter(|s| !s.is_empty()) {
            o.push_str("<p><strong>Toelichting:</strong> ");
            t(o, tl);
            o.push_str("</p>\n");
        }
    }
    if !r.herkomst.is_empty() {
        o.push_str("<table class=\"bedragen smal herkomst\"><caption>Herkomst: elk bedrag met de plek waar het staat</caption>\n<thead><tr><th scope=\"col\">Wat</th><th scope=\"col\" class=\"getal\">Bedrag</th><th scope=\"col\">Bron</th></tr></thead>\n<tbody>\n");
        for h in &r.herkomst {
            o.push_str("<tr><th scope=\"row\">");
            t(o, &h.wat);
            if let Some(w) = h.want.as_deref().filter(|s| !s.is_empty()) {
                o.push_str(" <span class=\"toelichting\">(");
                t(o, w);
                o.push_str(")</span>");
            }
            o.push_str("</th><td class=\"getal\">");
            t(o, &h.bedrag);
            o.push_str("</td><td>");
            match &h.bron {
                Some(b) => link(o, b),
                None => o.push('—'),
            }
            o.push_str("</td></tr>\n");
        }
        o.push_str("</tbody></table>\n");
    }
    o.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regel(id: &str) -> Regel {
        Regel {
            anker: format!("regel-{id}"),
            id: id.into(),
            omschrijving: "<script>alert(1)</script> & co".into(),
            beleidsdoel: Link { tekst: "Beheer".into(), href: "../perspectief/beheer.html".into() },
            component: String::new(),
            kostensoort: "inhuur",
            feature: None,
            resultaten: vec!["R1".into(), "R2".into()],
            bedragen: vec!["€ 1".into(), "€ 2".into()],
            bron: None,
            herkomst: vec![Herkomst {
                wat: "Begroting 2027".into(),
                bedrag: "€ 1".into(),
                bron: Some(Link { tekst: "b.yaml, regel 3".into(), href: "../bron/b.yaml.html#L3".into() }),
                want: None,
            }],
            rekening: None,
        }
    }

    #[test]
    fn user_text_is_escaped_and_every_line_has_its_row_and_section() {
        let html = render(&[regel("A"), regel("B\"x")], &[2027, 2028], 2027);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assert!(html.contains("id=\"regel-B&quot;x\""), "{html}");
        assert_eq!(html.matches("<section class=\"regel\"").count(), 2);
        assert_eq!(html.matches("<tr><th scope=\"row\" class=\"id\">").count(), 2);
        assert!(html.contains(" · kostensoort: inhuur · betaalt resultaten R1, R2</p>"), "{html}");
        assert!(!html.contains("component: "), "an empty component is left out");
    }

    #[test]
    fn no_lines_no_html() {
        assert_eq!(render(&[], &[2027], 2027), "");
    }
}
