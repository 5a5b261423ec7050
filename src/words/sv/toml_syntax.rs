//! The toml crate's syntax errors in Swedish. The crate words them in
//! English, as "what is wrong, expected what would fit"; the common ones
//! are matched exactly and given in Swedish, and anything not matched keeps
//! the crate's English, so nothing is ever lost in translation.

/// The crate's message as a Swedish reader is told it.
pub fn toml_syntax(english: &str) -> String {
    swedish(english).unwrap_or_else(|| english.to_string())
}

/// The Swedish of a whole message, if its every part is known.
fn swedish(english: &str) -> Option<String> {
    if let Some(field) = field_problem(english) {
        return field;
    }
    let (what, expected) = match english.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (english, None),
    };
    let what = problem(what)?;
    match expected {
        None => Some(what.to_string()),
        Some(expected) => Some(format!("{what}; här väntades {}", wanted(expected)?)),
    }
}

/// The errors of reading TOML into a fixed shape (serde's words): an
/// unknown or missing key, a value of the wrong type. `None` when the
/// message is not one of them; `Some(None)` when it is, in words not known.
fn field_problem(english: &str) -> Option<Option<String>> {
    if let Some(rest) = english.strip_prefix("unknown field ") {
        let (field, valid) = match rest.split_once(", expected one of ") {
            Some((field, valid)) => (field, Some(valid)),
            None => match rest.split_once(", expected ") {
                Some((field, valid)) => (field, Some(valid)),
                None => (rest, None),
            },
        };
        return Some(Some(match valid {
            Some(valid) if valid.starts_with('`') => {
                format!("okänd nyckel {field}; giltiga nycklar här: {valid}")
            }
            _ => format!("okänd nyckel {field}"),
        }));
    }
    if let Some(field) = english.strip_prefix("missing field ") {
        return Some(Some(format!("nyckeln {field} saknas")));
    }
    let rest = english.strip_prefix("invalid type: ")?;
    let (found, wanted) = rest.split_once(", expected ")?;
    let found = serde_kind(found.split(' ').next().unwrap_or_default());
    let wanted = serde_kind(wanted.trim_start_matches("a ").trim_start_matches("an "));
    Some(
        found
            .zip(wanted)
            .map(|(found, wanted)| format!("fel sorts värde: {found}, där {wanted} väntades")),
    )
}

/// A kind of value in serde's words, in Swedish.
fn serde_kind(english: &str) -> Option<&'static str> {
    Some(match english {
        "string" => "en sträng",
        "integer" | "u64" | "i64" | "u32" | "i32" => "ett heltal",
        "floating" | "float" | "f64" => "ett tal",
        "boolean" => "ett sanningsvärde",
        "sequence" => "en lista",
        "map" => "en tabell",
        _ => return None,
    })
}

/// What is wrong, from the crate's words for it.
fn problem(english: &str) -> Option<&'static str> {
    PROBLEMS
        .iter()
        .find(|(en, _)| *en == english)
        .map(|(_, sv)| *sv)
}

/// What would have fit: a list of literals (kept as written) and
/// descriptions (translated), or "nothing".
fn wanted(english: &str) -> Option<String> {
    if english == "nothing" {
        return Some("inget mer".to_string());
    }
    let parts: Option<Vec<String>> = english.split(", ").map(wanted_one).collect();
    let parts = parts?;
    Some(match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} eller {last}", rest.join(", ")),
        _ => parts.join(""),
    })
}

fn wanted_one(part: &str) -> Option<String> {
    if part.starts_with('`') {
        return Some(part.to_string());
    }
    if let Some(range) = between(part) {
        return Some(range);
    }
    WANTED
        .iter()
        .find(|(en, _)| *en == part)
        .map(|(_, sv)| sv.to_string())
}

/// "month between 01 and 12" and the like, for the parts of a date.
fn between(part: &str) -> Option<String> {
    let (unit, range) = part.split_once(" between ")?;
    let (low, high) = range.split_once(" and ")?;
    let unit = match unit {
        "month" => "en månad",
        "day" => "en dag",
        "hour" | "hours" => "en timme",
        "minute" | "minutes" => "en minut",
        "second" => "en sekund",
        _ => return None,
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(low) && digits(high)).then(|| format!("{unit} mellan {low} och {high}"))
}

/// The crate's problems, word for word, and their Swedish.
const PROBLEMS: &[(&str, &str)] = &[
    ("duplicate key", "nyckeln finns redan"),
    ("key with no value", "en nyckel utan värde"),
    ("missing value", "ett värde saknas"),
    ("missing value for key", "ett värde saknas till nyckeln"),
    (
        "string values must be quoted",
        "en sträng ska stå inom citattecken",
    ),
    (
        "unquoted keys cannot be empty",
        "en nyckel utan citattecken kan inte vara tom",
    ),
    ("unclosed array", "listan avslutas inte"),
    ("unclosed table", "tabellrubriken avslutas inte"),
    ("unclosed array table", "rubriken avslutas inte"),
    ("unclosed inline table", "tabellen avslutas inte"),
    (
        "invalid basic string",
        "strängen avslutas inte eller är ogiltig",
    ),
    (
        "invalid multi-line basic string",
        "flerradssträngen avslutas inte eller är ogiltig",
    ),
    (
        "invalid literal string",
        "strängen avslutas inte eller är ogiltig",
    ),
    (
        "invalid multi-line literal string",
        "flerradssträngen avslutas inte eller är ogiltig",
    ),
    ("invalid string", "ogiltig sträng"),
    ("invalid key", "ogiltig nyckel"),
    ("invalid unquoted key", "ogiltig nyckel"),
    ("invalid key-value pair", "ogiltigt par av nyckel och värde"),
    ("invalid table", "ogiltig tabell"),
    (
        "invalid inline table element",
        "ogiltigt element i tabellen",
    ),
    ("invalid value", "ogiltigt värde"),
    ("invalid boolean", "ogiltigt sanningsvärde"),
    ("invalid integer number", "ogiltigt heltal"),
    ("invalid float", "ogiltigt decimaltal"),
    ("invalid fraction", "ogiltiga decimaler"),
    ("invalid exponent", "ogiltig exponent"),
    ("invalid mantissa", "ogiltigt tal"),
    ("invalid hexadecimal number", "ogiltigt hexadecimalt tal"),
    ("invalid octal number", "ogiltigt oktalt tal"),
    ("invalid binary number", "ogiltigt binärt tal"),
    ("invalid date", "ogiltigt datum"),
    ("invalid time", "ogiltig tid"),
    ("invalid datetime", "ogiltig tidpunkt"),
    ("invalid date-time", "ogiltig tidpunkt"),
    ("invalid comment character", "ogiltigt tecken i kommentaren"),
    ("integer number overflowed", "heltalet är för stort"),
    (
        "floating-point number overflowed",
        "decimaltalet är för stort",
    ),
    (
        "integers with a radix cannot be signed",
        "ett tal med talbas kan inte ha förtecken",
    ),
    (
        "radix must be lowercase",
        "talbasen skrivs med gemener (0x, 0o, 0b)",
    ),
    ("redundant numeric sign", "förtecknet står två gånger"),
    (
        "redundant integer number prefix",
        "talbasen står två gånger",
    ),
    (
        "unexpected leading zero",
        "en inledande nolla är inte tillåten",
    ),
    ("unexpected sign", "ett oväntat förtecken (+ eller -)"),
    ("unexpected content", "oväntat innehåll"),
    (
        "unexpected content between comment and newline",
        "oväntat innehåll i kommentaren",
    ),
    ("unexpected `=` in array", "ett oväntat `=` i listan"),
    (
        "`_` may only go between digits",
        "`_` får bara stå mellan siffror",
    ),
    (
        "unexpected key or value",
        "en oväntad nyckel eller ett oväntat värde",
    ),
    (
        "missing escaped value",
        "tecknet efter `\\` saknas eller är ogiltigt",
    ),
    (
        "too few unicode value digits",
        "för få siffror i unicode-värdet",
    ),
    (
        "carriage return must be followed by newline",
        "vagnretur (CR) ska följas av radslut",
    ),
    (
        "missing comma between array elements",
        "ett kommatecken saknas mellan listans element",
    ),
    (
        "missing comma between key-value pairs",
        "ett kommatecken saknas mellan paren av nyckel och värde",
    ),
    (
        "missing assignment between key-value pairs",
        "ett `=` saknas mellan nyckel och värde",
    ),
    (
        "missing key for inline table element",
        "en nyckel saknas i tabellen",
    ),
    ("missing opening quote", "det inledande citattecknet saknas"),
    ("missing array opening", "listans `[` saknas"),
    ("missing inline table opening", "tabellens `{` saknas"),
    ("missing table open", "tabellrubrikens `[` saknas"),
    ("missing comment start", "kommentarens `#` saknas"),
    ("extra `=`", "ett `=` för mycket"),
    (
        "extra assignment between key-value pairs",
        "ett `=` för mycket",
    ),
    (
        "extra comma in array",
        "ett kommatecken för mycket i listan",
    ),
    (
        "extra comma in inline table",
        "ett kommatecken för mycket i tabellen",
    ),
    (
        "keys cannot be multi-line basic strings",
        "en nyckel kan inte vara en flerradssträng",
    ),
    (
        "keys cannot be multi-line literal strings",
        "en nyckel kan inte vara en flerradssträng",
    ),
    (
        "cannot recurse further; max recursion depth met",
        "nästlad djupare än TOML läses",
    ),
    ("recursion limit", "nyckeln har fler delar än TOML läses"),
];

/// What would have fit, in the crate's words, and its Swedish.
const WANTED: &[(&str, &str)] = &[
    ("value", "ett värde"),
    ("key", "en nyckel"),
    ("digits", "siffror"),
    ("letters", "bokstäver"),
    ("numbers", "siffror"),
    ("newline", "radslut"),
    ("comment", "en kommentar"),
    ("literal string", "en sträng"),
    ("basic string", "en sträng"),
    ("multi-line basic string", "en flerradssträng"),
    ("characters", "tecken"),
    ("printable characters", "skrivbara tecken"),
    (
        "unicode hexadecimal value",
        "ett hexadecimalt unicode-värde",
    ),
    ("a four-digit year (YYYY)", "ett fyrsiffrigt år (ÅÅÅÅ)"),
    ("a two-digit month (MM)", "en tvåsiffrig månad (MM)"),
    ("a two-digit day (DD)", "en tvåsiffrig dag (DD)"),
    ("a two-digit hour (HH)", "en tvåsiffrig timme (TT)"),
    ("a two-digit minute (MM)", "en tvåsiffrig minut (MM)"),
    ("a two-digit second (SS)", "en tvåsiffrig sekund (SS)"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn sv(english: &str) -> String {
        toml_syntax(english)
    }

    #[test]
    fn common_errors_are_given_in_swedish() {
        assert_eq!(
            sv("unclosed array, expected `]`"),
            "listan avslutas inte; här väntades `]`"
        );
        assert_eq!(sv("duplicate key"), "nyckeln finns redan");
        assert_eq!(
            sv("cannot recurse further; max recursion depth met"),
            "nästlad djupare än TOML läses"
        );
        assert_eq!(
            sv("invalid date, expected month between 01 and 12"),
            "ogiltigt datum; här väntades en månad mellan 01 och 12"
        );
        assert_eq!(
            sv("extra `=`, expected nothing"),
            "ett `=` för mycket; här väntades inget mer"
        );
        assert_eq!(
            sv("unquoted keys cannot be empty, expected letters, numbers, `-`, `_`"),
            "en nyckel utan citattecken kan inte vara tom; här väntades bokstäver, siffror, `-` eller `_`"
        );
    }

    #[test]
    fn errors_of_shape_are_given_in_swedish() {
        assert_eq!(
            sv("unknown field `foo`, expected one of `id`, `kind`"),
            "okänd nyckel `foo`; giltiga nycklar här: `id`, `kind`"
        );
        assert_eq!(sv("missing field `id`"), "nyckeln `id` saknas");
        assert_eq!(
            sv("invalid type: integer `3`, expected a string"),
            "fel sorts värde: ett heltal, där en sträng väntades"
        );
        let odd = "invalid type: unit value, expected struct Snapshot";
        assert_eq!(sv(odd), odd);
    }

    #[test]
    fn an_unknown_error_keeps_the_crates_english() {
        assert_eq!(
            sv("something new, expected `x`"),
            "something new, expected `x`"
        );
        assert_eq!(
            sv("duplicate key, expected a miracle"),
            "duplicate key, expected a miracle"
        );
    }
}
