//! Write stage, mail: a reminder as an unsent e-mail (`.eml`, RFC 5322): Subject and a To
//! header naming the party without an address (the stelsel records none; the secretariat fills
//! it in), UTF-8 body.

use jiff::civil::Date;

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The message: headers, a blank line, the body, every line ending in CRLF.
pub fn eml(to: &str, subject: &str, body: &str, date: Date) -> Vec<u8> {
    let day = DAYS[date.weekday().to_monday_zero_offset() as usize];
    let mut out = String::new();
    out.push_str(&format!(
        "Date: {day}, {:02} {} {} 09:00:00 +0000\r\n",
        date.day(),
        MONTHS[(date.month() - 1) as usize],
        date.year()
    ));
    // An empty group: names the recipient, carries no address.
    out.push_str(&format!("To: {}:;\r\n", phrase(to)));
    out.push_str(&format!("Subject: {}\r\n", unstructured(subject)));
    out.push_str("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\nX-Unsent: 1\r\n\r\n");
    for line in body.lines() {
        out.push_str(line);
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// A display name: quoted when plain ASCII, else RFC 2047 encoded words.
fn phrase(s: &str) -> String {
    if s.is_ascii() && s.len() <= 60 {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        encoded_words(s)
    }
}

/// A Subject: as is when short plain ASCII, else RFC 2047 encoded words (folded).
fn unstructured(s: &str) -> String {
    if s.is_ascii() && s.len() <= 68 { s.to_string() } else { encoded_words(s) }
}

/// `=?UTF-8?B?…?=` words of at most 45 bytes of text each (72 characters), folded with CRLF SP.
fn encoded_words(s: &str) -> String {
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in s.chars() {
        if chunk.len() + c.len_utf8() > 45 {
            words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
            chunk.clear();
        }
        chunk.push(c);
    }
    if !chunk.is_empty() {
        words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
    }
    words.join("\r\n ")
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group.iter().enumerate().fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= group.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_of_known_strings() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("financiële".as_bytes()), "ZmluYW5jacOrbGU=");
    }

    #[test]
    fn headers_are_ascii_and_lines_end_in_crlf() {
        let m = String::from_utf8(eml(
            "Geonovum (OBO)",
            "Rappel: plan 2027 en financiële stukken",
            "Geachte heer, mevrouw,\n\nTekst.\n",
            Date::constant(2026, 9, 15),
        ))
        .unwrap();
        let (head, body) = m.split_once("\r\n\r\n").unwrap();
        assert!(head.is_ascii(), "{head}");
        assert!(
            head.starts_with(
                "Date: Tue, 15 Sep 2026 09:00:00 +0000\r\nTo: \"Geonovum (OBO)\":;\r\nSubject: =?UTF-8?B?"
            )
        );
        assert!(head.lines().all(|l| l.len() <= 78), "{head}");
        assert_eq!(body, "Geachte heer, mevrouw,\r\n\r\nTekst.\r\n");
    }
}
