//! The fixed words an entry's body uses: the labels before answers, and the
//! HTML-comment markers that carry ids. Labels are read in either language.

use crate::i18n::Lang;

/// What a bold label at the start of a paragraph says the text after it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Answer,
    NotApplicable,
    DontKnow,
    Note,
    /// An action's text, at the head of an action's block.
    Action,
    /// Who sees to an action.
    Owner,
    /// When an action is due.
    Due,
    /// A gate's criterion is met.
    Met,
    /// A gate's criterion is not met.
    NotMet,
    /// A gate's criterion is left for later, as the action after it.
    Deferred,
    /// An indicator's name.
    Indicator,
    /// An indicator's unit.
    Unit,
    /// An indicator's baseline value.
    Baseline,
    /// The day a baseline or a measurement was measured.
    Measured,
    /// Where a baseline or a measurement comes from.
    Source,
    /// An indicator's target value.
    Target,
    /// The day an indicator's target is to be reached by.
    TargetDate,
    /// A measurement's value.
    Value,
}

impl Label {
    const ALL: [Label; 18] = [
        Label::Answer,
        Label::NotApplicable,
        Label::DontKnow,
        Label::Note,
        Label::Action,
        Label::Owner,
        Label::Due,
        Label::Met,
        Label::NotMet,
        Label::Deferred,
        Label::Indicator,
        Label::Unit,
        Label::Baseline,
        Label::Measured,
        Label::Source,
        Label::Target,
        Label::TargetDate,
        Label::Value,
    ];

    /// The fields of an indicator's answer, in the order written.
    pub const INDICATOR: [Label; 8] = [
        Label::Indicator,
        Label::Unit,
        Label::Baseline,
        Label::Measured,
        Label::Source,
        Label::Target,
        Label::TargetDate,
        Label::Owner,
    ];

    /// The fields of a measurement's answer, in the order written (the
    /// source may be left out).
    pub const MEASUREMENT: [Label; 3] = [Label::Value, Label::Measured, Label::Source];

    /// The label's words, with their colon where the label takes a text.
    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Label::Answer => lang.pick("Svar:", "Answer:"),
            Label::NotApplicable => lang.pick("Ej tillämplig:", "Not applicable:"),
            Label::DontKnow => lang.pick("Vet ej", "Don't know"),
            Label::Note => lang.pick("Anteckning:", "Note:"),
            Label::Action => lang.pick("Åtgärd:", "Action:"),
            Label::Owner => lang.pick("Ansvarig:", "Owner:"),
            Label::Due => lang.pick("Senast:", "Due:"),
            Label::Met => lang.pick("Uppfyllt", "Met"),
            Label::NotMet => lang.pick("Inte uppfyllt", "Not met"),
            Label::Deferred => lang.pick("Skjuts upp", "Deferred"),
            Label::Indicator => lang.pick("Indikator:", "Indicator:"),
            Label::Unit => lang.pick("Enhet:", "Unit:"),
            Label::Baseline => lang.pick("Utgångsläge:", "Baseline:"),
            Label::Measured => lang.pick("Uppmätt:", "Measured:"),
            Label::Source => lang.pick("Källa:", "Source:"),
            Label::Target => lang.pick("Mål:", "Target:"),
            Label::TargetDate => lang.pick("Målet nås senast:", "Target date:"),
            Label::Value => lang.pick("Värde:", "Value:"),
        }
    }

    /// The label bold text reads as, in either language; the colon may be
    /// left out (it may stand after the bold text instead).
    pub fn parse(bold: &str) -> Option<Label> {
        let bold = bold.trim().trim_end_matches(':').trim_end();
        Label::ALL.into_iter().find(|label| {
            [Lang::Sv, Lang::En].into_iter().any(|lang| {
                label
                    .words(lang)
                    .trim_end_matches(':')
                    .eq_ignore_ascii_case(bold)
            })
        })
    }

    /// Every label that may stand in a record's own paragraphs, for
    /// messages (an action's labels stand in its block).
    pub fn all_words(lang: Lang) -> String {
        Label::ALL[..4]
            .iter()
            .map(|l| format!("**{}**", l.words(lang)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A marker comment: `<!-- item: ID -->`, `<!-- option: ID -->`,
/// `<!-- action: N -->`, `<!-- criterion: ID -->` or `<!-- respondent -->`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Marker {
    Item(String),
    /// A gate's criterion, by its id in the pack.
    Criterion(String),
    Option(String),
    Action(u32),
    Respondent,
}

impl Marker {
    pub fn render(&self) -> String {
        match self {
            Marker::Item(id) => format!("<!-- item: {id} -->"),
            Marker::Criterion(id) => format!("<!-- criterion: {id} -->"),
            Marker::Option(id) => format!("<!-- option: {id} -->"),
            Marker::Action(n) => format!("<!-- action: {n} -->"),
            Marker::Respondent => "<!-- respondent -->".to_string(),
        }
    }

    /// Reads a comment; `None` for any other HTML (a person's own comment).
    pub fn parse(html: &str) -> Option<Marker> {
        let inner = html
            .trim()
            .strip_prefix("<!--")?
            .strip_suffix("-->")?
            .trim();
        if inner == "respondent" {
            return Some(Marker::Respondent);
        }
        let (key, id) = inner.split_once(':')?;
        let id = id.trim();
        if id.is_empty() || id.contains(char::is_whitespace) {
            return None;
        }
        match key.trim() {
            "item" => Some(Marker::Item(id.to_string())),
            "criterion" => Some(Marker::Criterion(id.to_string())),
            "option" => Some(Marker::Option(id.to_string())),
            "action" => id.parse().ok().filter(|n| *n > 0).map(Marker::Action),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_in_both_languages() {
        assert_eq!(Label::parse("Svar:"), Some(Label::Answer));
        assert_eq!(Label::parse("answer:"), Some(Label::Answer));
        assert_eq!(Label::parse("Not applicable:"), Some(Label::NotApplicable));
        assert_eq!(Label::parse("Vet ej"), Some(Label::DontKnow));
        assert_eq!(Label::parse("Anteckning:"), Some(Label::Note));
        assert_eq!(Label::parse("Viktigt"), None);
        assert_eq!(Label::parse("Uppfyllt"), Some(Label::Met));
        assert_eq!(Label::parse("not met"), Some(Label::NotMet));
        assert_eq!(Label::parse("Skjuts upp"), Some(Label::Deferred));
        assert_eq!(Label::parse("Målet nås senast:"), Some(Label::TargetDate));
        assert_eq!(Label::parse("Target date"), Some(Label::TargetDate));
        assert_eq!(Label::parse("Mål:"), Some(Label::Target));
    }

    #[test]
    fn markers_round_trip() {
        for marker in [
            Marker::Item("mandat".into()),
            Marker::Item("mandat.beslut".into()),
            Marker::Option("political".into()),
            Marker::Criterion("behovsagare".into()),
            Marker::Criterion("2".into()),
            Marker::Action(3),
            Marker::Respondent,
        ] {
            assert_eq!(Marker::parse(&marker.render()), Some(marker));
        }
        assert_eq!(Marker::parse("<!-- a comment of my own -->"), None);
        assert_eq!(Marker::parse("<b>"), None);
    }
}
