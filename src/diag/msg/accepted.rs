//! Messages: aanvaard.yaml, the accepted findings (contract §12).

use super::build::*;

/// E003: only an existing warning code can be accepted.
pub fn not_acceptable(code: &str) -> Diagnostic {
    let known = Code::ALL.iter().any(|c| c.as_str() == code);
    let (what, hint) = if known {
        (
            format!("`{code}` is een fout en kan niet worden aanvaard"),
            "alleen waarschuwingen (W…) kunnen worden aanvaard; los de fout op in de aanlevering",
        )
    } else {
        (format!("`{code}` is geen bestaande code"), "gebruik een code uit `jaarcyclus uitleg`, bijv. W504")
    };
    d(Code::E003, what, hint)
}

/// W008.
pub fn stale_acceptance(code: &str, organisatie: Option<&str>, jaar: Option<i32>) -> Diagnostic {
    let mut about = Vec::new();
    if let Some(o) = organisatie {
        about.push(format!("over `{o}`"));
    }
    if let Some(y) = jaar {
        about.push(format!("over {y}"));
    }
    let about = if about.is_empty() { String::new() } else { format!(" {}", about.join(" ")) };
    d(
        Code::W008,
        format!("de aanvaarding van {code}{about} past bij geen enkele bevinding"),
        "verwijder de aanvaarding als het probleem is opgelost, of corrigeer code, organisatie of jaar",
    )
}
