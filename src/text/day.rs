//! A calendar day as people and files write it: `YYYY-MM-DD`, and only
//! that (no time, no week or ordinal forms), a day the calendar has.

use jiff::civil::Date;

/// The day `text` names, when it is exactly `YYYY-MM-DD` and a real day
/// (`2026-02-30` is none).
pub fn parse_day(text: &str) -> Option<Date> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_ten_characters_and_real() {
        assert_eq!(
            parse_day("2026-03-31").map(|d| d.to_string()).as_deref(),
            Some("2026-03-31")
        );
        assert_eq!(parse_day("2028-02-29").map(|d| d.day()), Some(29));
        for wrong in [
            "2026-02-30",
            "2026-13-01",
            "2026-3-31",
            "2026-03-31T10:00",
            "20260331",
            " 2026-03-31",
            "2026-W13-2",
            "",
            "ååå-03-31",
        ] {
            assert!(parse_day(wrong).is_none(), "{wrong}");
        }
    }
}
