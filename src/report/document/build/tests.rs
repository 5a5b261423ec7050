use super::*;

#[test]
fn days_in_a_sentence_are_kept_whole_and_the_rest_is_text() {
    assert_eq!(
        with_dates("Från 3 (2026-02-10) till 2026-05-01."),
        vec![
            Inline::Text("Från 3 (".to_string()),
            Inline::Date("2026-02-10".to_string()),
            Inline::Text(") till ".to_string()),
            Inline::Date("2026-05-01".to_string()),
            Inline::Text(".".to_string()),
        ]
    );
    // Not a day: too many digits, or not the shape of one.
    assert_eq!(
        with_dates("12026-02-101 och 2026-2-10 · Åtgärd"),
        vec![Inline::Text(
            "12026-02-101 och 2026-2-10 · Åtgärd".to_string()
        )]
    );
}

#[test]
fn a_count_or_a_score_is_a_number_and_a_day_a_date() {
    let number = |s: &str| vec![Inline::Number(s.to_string())];
    assert_eq!(value("3,4"), number("3,4"));
    assert_eq!(value("12 av 14"), number("12 av 14"));
    assert_eq!(value("2 of 3"), number("2 of 3"));
    assert_eq!(value("14/20"), number("14/20"));
    assert_eq!(value("2026-05-10"), vec![Inline::Date("2026-05-10".into())]);
    assert_eq!(
        value("2026-05-10 · försenad"),
        vec![
            Inline::Date("2026-05-10".into()),
            Inline::Text(" · försenad".into())
        ]
    );
    assert_eq!(value("–"), vec![Inline::Text("–".into())]);
    assert_eq!(value("Kanske 2"), vec![Inline::Text("Kanske 2".into())]);
}

#[test]
fn a_commands_backticks_are_dropped_and_it_is_kept_whole() {
    assert_eq!(
        code_spans("Avgör med `dino resolve PUNKT` nu."),
        vec![
            Inline::Text("Avgör med ".into()),
            Inline::Number("dino resolve PUNKT".into()),
            Inline::Text(" nu.".into()),
        ]
    );
}

#[test]
fn a_sections_anchor_is_changed_only_when_it_differs() {
    let mut section = Block::Section {
        new_page: true,
        blocks: vec![Block::Heading {
            level: 2,
            text: "A".into(),
            anchor: Some("wb-a".into()),
        }],
    };
    assert!(!set_anchor(&mut section, "wb-a"));
    assert!(set_anchor(&mut section, "wb-a-2"));
    assert_eq!(
        super::super::Document {
            lang: Lang::Sv,
            title: String::new(),
            blocks: vec![section]
        }
        .anchors(),
        vec![("wb-a-2".to_string(), "A".to_string())]
    );
}
