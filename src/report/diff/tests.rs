use super::*;

fn answer(text: &str, not_applicable: bool) -> AnswerNow {
    AnswerNow {
        prompt: "Vilket problem?".into(),
        text: text.into(),
        not_applicable,
    }
}

fn followed(open: bool, overdue: bool) -> Followed {
    Followed {
        text: "Boka möte".into(),
        owner: Some("Karin".into()),
        due: "2026-03-31".parse().ok(),
        open,
        overdue,
    }
}

fn end(rev: Option<&str>) -> End {
    End {
        rev: rev.map(str::to_string),
        commit: rev.map(|_| "3f9a1c2d".repeat(5)),
        present: true,
    }
}

fn key(item: &str) -> (String, String) {
    ("start".to_string(), item.to_string())
}

#[test]
fn answers_are_added_changed_marked_not_applicable_and_removed() {
    let mut old = Side::default();
    let mut new = Side::default();
    old.answers.insert(key("same"), answer("Ja", false));
    new.answers.insert(key("same"), answer("Ja", false));
    old.answers.insert(key("changed"), answer("Ja", false));
    new.answers.insert(key("changed"), answer("Nej", false));
    old.answers.insert(key("na"), answer("Ja", false));
    new.answers
        .insert(key("na"), answer("Ej tillämplig: inga elever", true));
    old.answers.insert(key("gone"), answer("Ja", false));
    new.answers.insert(key("added"), answer("Ny", false));
    let diff = compare("Prov".into(), end(Some("main")), end(None), &old, &new);
    let changes: Vec<(&str, &AnswerChange)> = diff
        .answers
        .iter()
        .map(|a| (a.item.as_str(), &a.change))
        .collect();
    assert_eq!(changes.len(), 4, "{changes:?}");
    assert!(
        changes
            .iter()
            .any(|(i, c)| *i == "added" && matches!(c, AnswerChange::Added { new } if new == "Ny"))
    );
    assert!(changes.iter().any(|(i, c)| *i == "changed"
        && matches!(c, AnswerChange::Changed { old, new } if old == "Ja" && new == "Nej")));
    assert!(
        changes
            .iter()
            .any(|(i, c)| *i == "na"
                && matches!(c, AnswerChange::NotApplicable { old: Some(_), .. }))
    );
    assert!(
        changes
            .iter()
            .any(|(i, c)| *i == "gone" && matches!(c, AnswerChange::Removed { .. }))
    );
}

#[test]
fn gates_compare_by_state_and_decision() {
    let mut old = Side::default();
    let mut new = Side::default();
    old.gates = vec![
        ("start".into(), GateNow::Ready),
        ("pilot".into(), GateNow::Open),
    ];
    new.gates = vec![
        (
            "start".into(),
            GateNow::Decided {
                decision: "go".into(),
                date: "2026-03-02".into(),
            },
        ),
        ("pilot".into(), GateNow::Open),
    ];
    let diff = compare("Prov".into(), end(Some("main")), end(None), &old, &new);
    assert_eq!(diff.gates.len(), 1);
    assert_eq!(diff.gates[0].old, Some(GateNow::Ready));
    let words = view::gate_words(
        diff.gates[0].new.as_ref().expect("new"),
        crate::i18n::Lang::En,
    );
    assert_eq!(words, "decided: Go on (2026-03-02)");
}

#[test]
fn actions_are_raised_closed_and_overdue_and_unchanged_ones_left_out() {
    let mut old = Side::default();
    let mut new = Side::default();
    old.actions.insert("a".into(), followed(true, false));
    new.actions.insert("a".into(), followed(false, false));
    old.actions.insert("b".into(), followed(true, false));
    new.actions.insert("b".into(), followed(true, true));
    old.actions.insert("c".into(), followed(true, true));
    new.actions.insert("c".into(), followed(true, true));
    new.actions.insert("d".into(), followed(true, false));
    new.actions.insert("e".into(), followed(false, false));
    let diff = compare("Prov".into(), end(Some("main")), end(None), &old, &new);
    let changes: Vec<(&str, FollowChange)> = diff
        .actions
        .iter()
        .map(|a| (a.id.as_str(), a.change))
        .collect();
    assert_eq!(
        changes,
        [
            ("a", FollowChange::Closed),
            ("b", FollowChange::Overdue),
            ("d", FollowChange::Raised),
            ("e", FollowChange::RaisedAndClosed),
        ]
    );
}

#[test]
fn readiness_shows_each_dimension_before_and_after_when_an_assessment_is_new() {
    let mut old = Side::default();
    let mut new = Side::default();
    old.assessments = 1;
    old.means = vec![("mandat".into(), "Mandat".into(), Some(2.0))];
    new.assessments = 2;
    new.means = vec![("mandat".into(), "Mandat".into(), Some(3.5))];
    let diff = compare("Prov".into(), end(Some("main")), end(None), &old, &new);
    let readiness = diff.readiness.expect("a new assessment");
    assert_eq!(
        (readiness.old_assessments, readiness.new_assessments),
        (1, 2)
    );
    assert_eq!(readiness.dimensions[0].old, Some(2.0));
    assert_eq!(readiness.dimensions[0].new, Some(3.5));
    let same = compare("Prov".into(), end(Some("main")), end(None), &new, &new);
    assert!(same.is_empty());
}

#[test]
fn a_hostile_answer_stays_text_in_the_markdown() {
    let old = Side::default();
    let mut new = Side::default();
    new.answers.insert(
        key("problem"),
        answer(
            "<img src=x onerror=alert(1)> | [länk](http://x) ![b](y)\n# Rubrik",
            false,
        ),
    );
    let diff = compare("Prov <b>".into(), end(Some("main")), end(None), &old, &new);
    let md = view::markdown(&diff, crate::i18n::Lang::En);
    // Rendered as it is, raw HTML and all, as a code host would before its
    // own sanitising.
    let parser = pulldown_cmark::Parser::new_ext(&md, crate::text::html::markdown_options());
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<a "), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(!html.contains("<h1"), "{html}");
    // The table keeps its five columns: the `|` in the answer is text.
    let row = md.lines().find(|l| l.contains("onerror")).expect("the row");
    assert_eq!(row.matches(" | ").count(), 4, "{row}");
}

#[test]
fn measurements_are_added_or_removed_by_the_entry_that_recorded_them() {
    let measured = |value: &str| side::MeasuredNow {
        name: "Avhopp".into(),
        date: "2026-04-01".into(),
        value: value.into(),
    };
    let id = |entry: &str| ("fokusera.indikator_1".to_string(), entry.to_string());
    let mut old = Side::default();
    let mut new = Side::default();
    old.measurements.insert(id("aaaaaa"), measured("12"));
    new.measurements.insert(id("aaaaaa"), measured("12"));
    old.measurements.insert(id("bbbbbb"), measured("10"));
    new.measurements.insert(id("cccccc"), measured("8"));
    let diff = compare("Prov".into(), end(Some("main")), end(None), &old, &new);
    let changes: Vec<(&str, &str)> = diff
        .measurements
        .iter()
        .map(|m| (m.value.as_str(), m.change))
        .collect();
    assert_eq!(changes, [("8", "added"), ("10", "removed")]);
}

#[test]
fn the_summary_counts_each_kind_and_says_when_nothing_changed() {
    let old = Side::default();
    let mut new = Side::default();
    new.risks.insert("r".into(), followed(true, false));
    new.profile = vec![("sektor".into(), "Sektor".into(), "Kommun".into())];
    let diff = compare("Prov".into(), end(Some("main")), end(None), &old, &new);
    let en = view::summary(&diff, crate::i18n::Lang::En);
    assert!(en.ends_with(": 1 risk, 1 profile answer."), "{en}");
    let same = compare("Prov".into(), end(Some("main")), end(None), &new, &new);
    let sv = view::summary(&same, crate::i18n::Lang::Sv);
    assert!(sv.ends_with("till arbetskopian: inga ändringar."), "{sv}");
}
