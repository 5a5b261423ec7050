//! `pack::load`: problems in a pack's files, and the parts of a pack, in
//! Swedish.

use crate::i18n::Lang;
use crate::pack::Kind;
use crate::pack::load::Message as Load;
use crate::pack::load::Part;
use crate::pack::load::item::Message as Item;
use crate::pack::load::pack_file::Message as PackFile;
use crate::pack::load::refs::Message as Refs;
use crate::pack::load::text::Message as Text;

pub fn pack_load(message: &Load) -> String {
    match message {
        Load::IdUsed { id, line } => format!("id:t `{id}` finns redan (rad {line})"),
        Load::PhaseFileListedTwice { rel } => {
            format!("`{rel}` står redan i listan eller är pack.toml")
        }
        Load::PhaseFileMissing { rel } => {
            format!("fasfilen `{rel}` står i listan men finns inte")
        }
        Load::NoPhases => "paketet har inga faser".to_string(),
        Load::Unlisted => {
            "filen står inte i pack.toml:s `phases`; lägg till den där eller ta bort den"
                .to_string()
        }
        Load::NoItems => "fasen har inga punkter; en fas behöver minst en".to_string(),
    }
}

pub fn pack_load_pack_file(message: &PackFile) -> String {
    match message {
        PackFile::LanguageTwice { code } => format!("`{code}` står två gånger"),
        PackFile::UnknownLanguage { code } => {
            format!("okänt språk `{code}`; dino talar `sv` och `en`")
        }
        PackFile::NoLanguage => "ange minst ett språk".to_string(),
        PackFile::BadVersion { version } => format!(
            "`version` skrivs MAJOR.MINOR.PATCH, till exempel \"1.0.0\", inte \"{version}\""
        ),
        PackFile::OffTheScale { key, value, lo, hi } => {
            format!("`{key}` ({value}) ligger utanför skalan {lo}–{hi}")
        }
        PackFile::RiskAboveWatch { risk, watch } => {
            format!("`risk_below` ({risk}) får inte vara större än `watch_below` ({watch})")
        }
        PackFile::NoDimensions => "`dimensions` är tom".to_string(),
        PackFile::NoStatements => "dimensionen har inga påståenden".to_string(),
        PackFile::StaleAfterDays { days } => {
            format!("`stale_after_days` är ett helt antal dagar, 1 eller fler, inte {days}")
        }
        PackFile::TermByUnknown { term, by, near } => format!(
            "termen `{term}` beror på `{by}`, som inte är en profilfråga{}",
            near.as_ref()
                .map_or(String::new(), |n| format!("; menade du `{n}`?"))
        ),
        PackFile::TermByNotChoice { term, by, kind } => format!(
            "termen `{term}` beror på `{by}`, som är av typen {kind}; en term beror på ett val i profilen (choice)"
        ),
        PackFile::TermValueNotOption { option, by, ids } => format!(
            "`{option}` är inte ett av alternativen för `{by}` ({})",
            ids.join(", ")
        ),
    }
}

pub fn pack_load_item(message: &Item) -> String {
    match message {
        Item::Condition { error } => format!("villkoret: {}", error.message(Lang::Sv)),
        Item::NotFinite { key, value } => {
            format!("`{key}` ska vara ett ändligt tal, inte {value}")
        }
        Item::MinNotBelowMax { min, max } => {
            format!("`min` ({min}) ska vara mindre än `max` ({max})")
        }
        Item::UnknownKind {
            kind,
            near: Some(near),
            kinds,
        } => format!(
            "okänd typ `{kind}`; menade du `{near}`? (typer: {})",
            kinds.join(", ")
        ),
        Item::UnknownKind {
            kind,
            near: None,
            kinds,
        } => format!("okänd typ `{kind}` (typer: {})", kinds.join(", ")),
        Item::BadLean { lean } => {
            format!("`lean` är `innovation` eller `development`, inte `{lean}`")
        }
        Item::TooFewOptions => "`options` behöver minst två alternativ".to_string(),
        Item::ScaleBounds { min, max } => format!(
            "skalans gränser är omvända eller lika: `min` ({min}) ska vara mindre än `max` ({max})"
        ),
        Item::LabelOffTheScale { key, min, max } => format!(
            "`labels` har nyckeln `{key}`, men nycklarna ska vara skalsteg från {min} till {max}"
        ),
        Item::NotAnOption { id, ids } => {
            format!("`{id}` är inget av alternativen ({})", ids.join(", "))
        }
        Item::Twice { id } => format!("`{id}` står två gånger"),
        Item::WrongKind { what, kind } => format!(
            "{} för en punkt av typen {} ska vara {}",
            what.say(Lang::Sv),
            kind.name(),
            wanted(kind)
        ),
        Item::NotADate { value } => format!("`{value}` är inget datum; skriv ÅÅÅÅ-MM-DD"),
        Item::NotPhaseItem { written } => {
            format!("`{written}` anger ingen punkt; skriv `fas.punkt`")
        }
        Item::NotInProfile { kind } => {
            format!("en punkt av typen {kind} hör hemma i en fas, inte bland profilfrågorna")
        }
    }
}

pub fn pack_load_refs(message: &Refs) -> String {
    match message {
        Refs::PhaseIdUsed { id, other } => format!("fas-id:t `{id}` används redan i {other}"),
        Refs::LaterInProfile { name } => format!(
            "`{name}` kommer senare i profilen (eller är denna fråga); ett villkor kan bara läsa svar som redan getts"
        ),
        Refs::NotAProfileQuestion { name, phase } => {
            format!("`{name}` är ingen profilfråga; menade du punkten `{phase}.{name}`?")
        }
        Refs::UnknownProfileQuestion { name, near } => {
            format!("okänd profilfråga `{name}`{}", did_you_mean(near))
        }
        Refs::ProfileReadsPhase { name } => {
            format!("en profilfråga kan bara läsa tidigare profilsvar, inte `{name}`")
        }
        Refs::UnknownPhaseIn { phase, name, near } => {
            format!("okänd fas `{phase}` i `{name}`{}", did_you_mean(near))
        }
        Refs::LaterPhase { name } => format!(
            "`{name}` hör till en senare fas; ett villkor kan bara läsa svar som redan getts"
        ),
        Refs::NoSuchItem { phase, item, near } => format!(
            "fasen `{phase}` har ingen punkt `{item}`{}",
            did_you_mean(near)
        ),
        Refs::LaterInPhase { name } => format!(
            "`{name}` kommer senare i fasen (eller är denna punkt); ett villkor kan bara läsa svar som redan getts"
        ),
        Refs::InNeedsMulti { name, kind } => {
            format!("`in` läser en lista, men `{name}` är en punkt av typen {kind}; använd `==`")
        }
        Refs::InNeedsList => {
            "till höger om `in` ska det stå en lista `[…]` eller en punkt av typen multi"
                .to_string()
        }
        Refs::NotPhaseItem { written } => format!("`{written}` ska skrivas `fas.punkt`"),
        Refs::TrackNotChoice { .. }
        | Refs::DiagnosticNotChoice { .. }
        | Refs::NoLean { .. }
        | Refs::LeanNotInDiagnostic { .. } => diagnostic_refs(message),
        Refs::UnknownPhase { id, near } => format!("okänd fas `{id}`{}", did_you_mean(near)),
        Refs::NotAnOptionOf {
            value,
            name,
            options,
            near: Some(near),
        } => format!(
            "'{value}' är inget alternativ i `{name}` (alternativ: {}); menade du '{near}'?",
            options.join(", ")
        ),
        Refs::NotAnOptionOf {
            value,
            name,
            options,
            near: None,
        } => format!(
            "'{value}' är inget alternativ i `{name}` (alternativ: {})",
            options.join(", ")
        ),
        Refs::CheckCompared { name } => {
            format!(
                "`{name}` är en kryssruta (`check`); jämför med true eller false, eller skriv bara `{name}`"
            )
        }
        Refs::NeverEqual {
            literal,
            name,
            kind,
        } => format!(
            "{literal} kan aldrig vara lika med ett svar på `{name}` (en punkt av typen {kind})"
        ),
        Refs::ReadsFields { .. } | Refs::RefLater { .. } | Refs::RefKind { .. } => {
            indicator_refs(message)
        }
    }
}

/// What the checks say of the diagnostic's items.
fn diagnostic_refs(message: &Refs) -> String {
    match message {
        Refs::TrackNotChoice { written, kind } => {
            format!("diagnosens `track` är en punkt av typen choice; `{written}` är {kind}")
        }
        Refs::DiagnosticNotChoice { written, kind } => {
            format!("diagnosen läser bara punkter av typen choice; `{written}` är {kind}")
        }
        Refs::NoLean { written } => {
            format!("inget alternativ i `{written}` har `lean`, så punkten säger inget i diagnosen")
        }
        Refs::LeanNotInDiagnostic { name } => format!(
            "`lean` räknas bara för punkter i [diagnostic] `items`, och `{name}` står inte där"
        ),
        _ => String::new(),
    }
}

/// What the checks say of what indicators and measurements name.
fn indicator_refs(message: &Refs) -> String {
    match message {
        Refs::ReadsFields { name, kind } => {
            format!("ett villkor kan inte läsa `{name}`: svaret (typen {kind}) har egna fält")
        }
        Refs::RefLater { name } => format!(
            "`{name}` kommer senare (eller är denna punkt); en mätning kan bara ange en punkt före den"
        ),
        Refs::RefKind { name, kind, wants } => {
            format!("punkten `{name}` är av typen {kind}, inte {wants}")
        }
        _ => String::new(),
    }
}

pub fn pack_load_text(message: &Text) -> String {
    match message {
        Text::NotAPackLanguage { code, languages } => {
            format!("`{code}` är inget av paketets språk ({})", codes(languages))
        }
        Text::WordingNotAString { key, code, found } => {
            format!("`{key}.{code}` ska vara en sträng, inte {found}")
        }
        Text::LacksLanguages { key, missing } => {
            format!("`{key}` saknar språket {}", codes(missing))
        }
        Text::TextWrongType { key, found } => {
            format!("`{key}` ska vara en sträng eller en tabell med språk, inte {found}")
        }
        Text::EmptyText { field } => format!("`{field}` är tom"),
        Text::ControlCharacter { field, character } => format!(
            "`{field}` innehåller styrtecknet U+{:04X}, som kan styra om en terminal; ta bort det",
            *character as u32
        ),
        Text::NotOneLine { field } => format!("`{field}` ska vara en enda rad"),
        Text::NestsTooDeep { field, max } => format!(
            "`{field}` är nästlad djupare än {max} nivåer (citat och listor i varandra); gör den plattare"
        ),
        Text::ShallowHeading { field, level } => format!(
            "`{field}` har en rubrik på nivå {level} (`{}`); använd `###` eller djupare så att den hamnar under fasen i handboken",
            "#".repeat(*level)
        ),
        Text::UnclosedBrace { field } => format!(
            "`{field}` har en `{{` som ingen `}}` stänger; skriv en term som `{{id}}` och en klammer som `{{{{`"
        ),
        Text::UnopenedBrace { field } => {
            format!("`{field}` har en `}}` som ingen `{{` öppnar; skriv en klammer som `}}}}`")
        }
        Text::NotATermId { field, name } => format!(
            "`{field}` har `{{{name}}}`, som inte är en terms id; skriv en term som `{{id}}` och en klammer som `{{{{`"
        ),
        Text::BraceInWord { field } => {
            format!(
                "`{field}` är en terms ord, som används som de står; de får inte innehålla klamrar"
            )
        }
        Text::UnknownTerm { name, near } => format!(
            "`{{{name}}}` är inte en av paketets termer{}",
            near.as_ref()
                .map_or(" (`[terms]` i pack.toml)".to_string(), |n| format!(
                    "; menade du `{{{n}}}`?"
                ))
        ),
    }
}

pub fn pack_load_part(part: &Part) -> String {
    match part {
        Part::Item { kind: Some(kind) } => format!("en punkt av typen {kind}"),
        Part::Item { kind: None } => "en punkt".to_string(),
        Part::ProfileQuestions => "profilfrågor".to_string(),
        Part::Option => "ett alternativ".to_string(),
        Part::Dimension => "en dimension".to_string(),
        Part::Statement => "ett påstående".to_string(),
        Part::PhaseFile => "en fasfil".to_string(),
    }
}

/// What an answer to an item of `kind` must be.
fn wanted(kind: &Kind) -> String {
    match kind {
        Kind::Check => "true eller false".to_string(),
        Kind::Text { .. } => "en sträng".to_string(),
        Kind::Choice { .. } => "ett alternativs id".to_string(),
        Kind::Multi { .. } => "en lista med alternativs id".to_string(),
        Kind::Scale(scale) => format!("ett heltal från {} till {}", scale.min, scale.max),
        Kind::Number { .. } => "ett tal inom gränserna".to_string(),
        Kind::Date => "ett datum, ÅÅÅÅ-MM-DD".to_string(),
        Kind::Indicator { .. } => "en indikators fält".to_string(),
        Kind::Measurement { .. } => "en mätnings fält".to_string(),
    }
}

/// A near name, offered.
fn did_you_mean(near: &Option<String>) -> String {
    near.as_ref()
        .map(|near| format!("; menade du `{near}`?"))
        .unwrap_or_default()
}

/// Language codes as a list.
fn codes(languages: &[Lang]) -> String {
    languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ")
}
