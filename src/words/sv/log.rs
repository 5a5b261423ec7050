//! `log`'s parts: an entry's front matter (`log::front`), reading an entry
//! (`log::read`), and reading back before writing (`log::readback`).

use crate::i18n::{Lang, one_decimal};
use crate::log::front::Message as Front;
use crate::log::labels::Label;
use crate::log::read::Message as Read;
use crate::log::readback::{Message as Readback, Written};

pub fn log_front(message: &Front) -> String {
    match message {
        Front::UnknownKind { kind, valid } => {
            let valid = super::super::in_code(valid);
            format!("okänd sorts post `{kind}`; giltiga: {valid}")
        }
        Front::MissingPhase { kind } => {
            format!("nyckeln `phase` saknas (en post av sorten `{kind}` hör till en fas)")
        }
        Front::MissingDate => "nyckeln `date` saknas".to_string(),
        Front::DateNotATime => {
            "`date` ska vara en tidpunkt som 2026-03-02T09:15:00+01:00".to_string()
        }
        Front::DateWithoutOffset { why } => format!(
            "`date` ska vara en tidpunkt med tidszon, som 2026-03-02T09:15:00+01:00 ({why})"
        ),
        Front::NotADay { key, found } => {
            format!("`{key}` ska vara en dag skriven som 2026-03-31, inte `{found}`")
        }
        Front::MeasureLacks { key } => format!(
            "nyckeln `{key}` saknas (en mätning anger sin indikator, `indicator`, sitt värde, `value`, och dagen den gjordes, `measured`)"
        ),
        Front::ValueNotFinite => "`value` ska vara ett ändligt tal".to_string(),
        Front::BlankOwner => "`owner` är tom; skriv vem som ansvarar".to_string(),
        Front::ActionLacks { key } => format!(
            "nyckeln `{key}` saknas (en åtgärd har en ansvarig, `owner`, och ett datum, `due`)"
        ),
        Front::DoneClosesNothing => {
            "en post av sorten `done` stänger något: ange id:n under `closes`".to_string()
        }
        Front::RosterLacks { key } => format!(
            "nyckeln `{key}` saknas (en post om deltagare anger sin ändring, `change`, och namnet, `name`; en rättelse också vad namnet var, `was`)"
        ),
        Front::UnknownChange { change, valid } => {
            let valid = super::super::in_code(valid);
            format!("okänd ändring `{change}` under `change`; giltiga: {valid}")
        }
        Front::BlankName => "`name` är tomt; skriv personens namn".to_string(),
        Front::WasOnlyInCorrect { change } => {
            format!("`was` hör till en rättelse (`change = \"correct\"`), inte till `{change}`")
        }
        Front::NotForKind {
            key,
            kind,
            for_kinds,
        } => {
            let for_kinds = super::super::in_code(for_kinds);
            format!("`{key}` hör inte till en post av sorten `{kind}` (den används av {for_kinds})")
        }
    }
}

pub fn log_read(message: &Read) -> String {
    match message {
        Read::NoClosingLine => "front matter saknar sin avslutande rad `+++`".to_string(),
        Read::NoFrontMatter => {
            "posten börjar inte med en front matter mellan två rader `+++`".to_string()
        }
        Read::TooDeep { max } => format!(
            "texten är nästlad djupare än {max} nivåer (citat och listor i varandra), mer än dino läser; gör den plattare"
        ),
        Read::OptionMarkerInHeading => {
            "en alternativmarkör hör hemma i en punktlista, inte i en rubrik".to_string()
        }
        Read::ItemWithoutMarker => {
            "en punkt i listan saknar `<!-- item: ID -->` och kan inte läsas".to_string()
        }
        Read::OutsideAnItem => {
            "text utanför en punkt (före första `<!-- item: ID -->`) kan inte läsas".to_string()
        }
        Read::NoCheckbox { item } => {
            format!("punkten `{item}` saknar kryssruta (`- [ ]` eller `- [x]`); läses som ej klar")
        }
        Read::OptionWithoutMarker => {
            "ett alternativ saknar `<!-- option: ID -->` och kan inte läsas".to_string()
        }
        Read::TwoOptionLists { item } => {
            format!("punkten `{item}` har två listor med alternativ")
        }
        Read::HeadingHere => "rubriken kan inte läsas här".to_string(),
        Read::UnknownLabel { bold } => format!(
            "okänd etikett **{bold}**; etiketterna är {}",
            Label::all_words(Lang::Sv)
        ),
        Read::Unplaced { item } => format!(
            "texten under `{item}` står inte efter en etikett (**Svar:**, **Ej tillämplig:**, **Anteckning:**) och kan inte läsas"
        ),
        Read::CheckboxWithAnswer { item } => {
            format!("`{item}` är en kryssruta; svarstext och alternativ under den läses inte")
        }
        Read::TickedAndNotApplicable { item } => {
            format!("`{item}` är både ikryssad och ej tillämplig; läses som klar")
        }
        Read::MoreThanOneAnswer { item } => format!(
            "`{item}` har mer än ett svar (svar, alternativ, ej tillämplig, vet ej); det första läses"
        ),
        Read::NoAnswer { item } => format!(
            "`{item}` har inget svar (väntade **Svar:**, en lista med alternativ, **Ej tillämplig:** eller **Vet ej**)"
        ),
        Read::FieldTwice { label } => format!("**{}** står två gånger i ett svar; det första läses", label.words(crate::i18n::Lang::Sv)),
        Read::ActionOutsideItsBlock => "en åtgärds etikett eller `<!-- action: N -->` står utanför åtgärdens citatblock (`> **Åtgärd:** …`)".to_string(),
        Read::ActionBlockHolds => "en åtgärds citatblock har bara **Åtgärd:**, **Ansvarig:** och **Senast:**, ett stycke var".to_string(),
        Read::ActionWithoutMarker => "en åtgärd saknar `<!-- action: N -->` efter sin text".to_string(),
        Read::ActionLacks { n, label } => {
            let label = if *label == "owner" { "**Ansvarig:**" } else { "**Senast:**" };
            format!("åtgärd {n} saknar {label}")
        }
        Read::CriterionNoStatus { id } => format!(
            "kriteriet `{id}` har ingen status (väntade **Uppfyllt**, **Inte uppfyllt**, **Skjuts upp** eller **Ej tillämplig:**)"
        ),
        Read::CriterionTwoStatuses { id } => {
            format!("kriteriet `{id}` har mer än en status; den första läses")
        }
        Read::CriterionWithAnswer { id } => format!(
            "kriteriet `{id}` har en status, inget svar: **Svar:**, alternativ och **Vet ej** hör till punkter"
        ),
        Read::DeferredActions { id, found } => format!(
            "kriteriet `{id}` skjuts upp och behöver precis en åtgärd efter sig (`> **Åtgärd:** …`), inte {found}"
        ),
        Read::CriterionWithAction { id } => format!(
            "kriteriet `{id}` har en åtgärd efter sig men skjuts inte upp (**Skjuts upp**)"
        ),
        Read::StatusUnderItem { item } => format!(
            "`{item}` är en punkt: **Uppfyllt**, **Inte uppfyllt** och **Skjuts upp** hör till en beslutspunkts kriterier (`<!-- criterion: ID -->`)"
        ),
        Read::ActionDueNotADay { n, found } => {
            format!("åtgärd {n}: **Senast:** ska vara en dag som 2026-03-31, inte `{found}`")
        }
    }
}

pub fn log_readback(message: &Readback) -> String {
    match message {
        Readback::TooLarge {
            what,
            size_mib,
            limit_mib,
        } => {
            let (what, size) = (log_written(what), one_decimal(*size_mib, Lang::Sv));
            format!(
                "{what} skulle bli {size} MiB, men dino läser filer på högst {limit_mib} MiB; inget skrevs"
            )
        }
        Readback::TextTooLarge { limit_mib } => format!(
            "texten är större än dino kan läsa tillbaka: en post rymmer högst {limit_mib} MiB; inget skrevs"
        ),
        Readback::ReadsBackDifferently { what } => {
            unreadable(what, "den läses tillbaka annorlunda")
        }
        Readback::Unreadable { what, why } => unreadable(what, &why.say(Lang::Sv)),
    }
}

fn unreadable(what: &Written, why: &str) -> String {
    let what = log_written(what);
    format!("{what} skulle inte kunna läsas tillbaka som den skrevs ({why}); inget skrevs")
}

pub fn log_written(what: &Written) -> String {
    match what {
        Written::Entry => "posten".to_string(),
        Written::Draft => "utkastet".to_string(),
        Written::File(name) => name.clone(),
    }
}
