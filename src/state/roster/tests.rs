use super::*;
use crate::log::{Entry, Meta, Record, Stamp};

fn meta(kind: EntryKind, day: u32) -> Meta {
    Meta {
        kind,
        date: Stamp::parse(&format!("2026-03-{day:02}T09:00:00+01:00")).expect("a time"),
        phase: Some("start".into()),
        by: None,
        participants: Vec::new(),
        pack: "dino".into(),
        pack_version: "1.0.0".into(),
        closes: Vec::new(),
        owner: None,
        due: None,
        mitigation: None,
        follows: None,
        measure: None,
        roster: None,
        alone: false,
    }
}

fn loaded(id: &str, meta: Meta, body: Body) -> LoadedEntry {
    LoadedEntry {
        file: format!("log/{id}.md"),
        name: format!("{id}.md"),
        id: id.into(),
        entry: Entry {
            meta,
            title: "T".into(),
            body,
        },
        record_lines: Vec::new(),
        key_at: Default::default(),
    }
}

fn person(name: &str, role: Option<&str>) -> Participant {
    Participant {
        name: name.into(),
        role: role.map(str::to_string),
    }
}

fn session(id: &str, day: u32, by: &str, people: &[(&str, Option<&str>)]) -> LoadedEntry {
    let mut m = meta(EntryKind::Session, day);
    m.by = Some(by.into());
    m.participants = people.iter().map(|(n, r)| person(n, *r)).collect();
    loaded(id, m, Body::Records(Vec::new()))
}

fn change(
    id: &str,
    day: u32,
    change: Change,
    name: &str,
    role: Option<&str>,
    was: Option<&str>,
) -> LoadedEntry {
    let mut m = meta(EntryKind::Roster, day);
    m.phase = None;
    m.by = Some("Anna Lind".into());
    m.roster = Some(RosterChange {
        change,
        name: name.into(),
        role: role.map(str::to_string),
        was: was.map(str::to_string),
    });
    loaded(id, m, Body::Text("x".into()))
}

fn names(roster: &Roster) -> Vec<(&str, Option<&str>)> {
    roster
        .members
        .iter()
        .map(|m| (m.name.as_str(), m.role.as_deref()))
        .collect()
}

#[test]
fn each_person_is_on_the_roster_once_with_their_latest_role() {
    let entries = [
        session("a", 2, "Anna Lind", &[("Karim Haddad", Some("Vägledare"))]),
        session(
            "b",
            9,
            "Anna Lind",
            &[
                ("karim  haddad", Some("Studievägledare")),
                ("Eva Ström", None),
            ],
        ),
    ];
    let roster = Roster::fold(&entries);
    assert_eq!(
        names(&roster),
        vec![
            ("Anna Lind", None),
            ("Karim Haddad", Some("Studievägledare")),
            ("Eva Ström", None)
        ]
    );
    assert_eq!(roster.members[1].last_seen, 1);
}

#[test]
fn a_correction_renames_earlier_and_later_mentions_and_gives_the_role() {
    let typed = "Amina Hassan, enhetschef Komvux";
    let entries = [
        session("a", 2, "Anna Lind", &[(typed, None)]),
        change(
            "b",
            3,
            Change::Correct,
            "Amina Hassan",
            Some("enhetschef Komvux"),
            Some(typed),
        ),
        session("c", 9, "Anna Lind", &[(typed, None)]),
    ];
    let roster = Roster::fold(&entries);
    assert_eq!(
        names(&roster),
        vec![
            ("Anna Lind", None),
            ("Amina Hassan", Some("enhetschef Komvux"))
        ]
    );
    assert_eq!(roster.members[1].last_seen, 2);
    assert_eq!(
        roster.name_corrections(),
        vec![(typed.to_string(), "Amina Hassan".to_string())]
    );
    let present = roster.present(&[person(typed, None), person("Amina Hassan", None)]);
    assert_eq!(
        present,
        vec![person("Amina Hassan", Some("enhetschef Komvux"))]
    );
}

#[test]
fn corrections_follow_a_chain_and_a_loop_ends() {
    let entries = [
        session("a", 2, "Anna Lind", &[("Amina H", None)]),
        change(
            "b",
            3,
            Change::Correct,
            "Amina Hasan",
            None,
            Some("Amina H"),
        ),
        change(
            "c",
            4,
            Change::Correct,
            "Amina Hassan",
            None,
            Some("Amina Hasan"),
        ),
        change(
            "d",
            5,
            Change::Correct,
            "Amina H",
            None,
            Some("Amina Hassan"),
        ),
    ];
    // A loop is followed once round and stops; the fold ends.
    let roster = Roster::fold(&entries);
    assert_eq!(roster.members.len(), 2);
    let (name, _) = Roster::fold(&entries[..3]).corrected("Amina H");
    assert_eq!(name, "Amina Hassan");
}

#[test]
fn a_removed_person_is_out_until_a_later_entry_names_them() {
    let entries = [
        session(
            "a",
            2,
            "Anna Lind",
            &[("Eva Ström", None), ("Karim Haddad", None)],
        ),
        change("b", 3, Change::Remove, "eva ström", None, None),
        change("c", 4, Change::Add, "Leila Berg", Some("Rektor"), None),
    ];
    let roster = Roster::fold(&entries);
    assert_eq!(
        names(&roster),
        vec![
            ("Anna Lind", None),
            ("Karim Haddad", None),
            ("Leila Berg", Some("Rektor"))
        ]
    );
    assert_eq!(roster.removed[0].name, "Eva Ström");
    assert!(roster.knows("Eva Ström"));
    assert_eq!(
        roster.present(&entries[0].entry.meta.participants),
        vec![person("Karim Haddad", None)]
    );
    let back = [
        entries[0].clone(),
        entries[1].clone(),
        session("d", 9, "Anna Lind", &[("Eva Ström", None)]),
    ];
    assert!(Roster::fold(&back).member("Eva Ström").is_some());
}

#[test]
fn the_last_decider_is_read_from_the_last_gate() {
    let record = |text: &str| Record {
        item: "decided_by".into(),
        criterion: false,
        prompt: "Vem beslutade?".into(),
        answer: Answer::Text(text.into()),
        note: None,
        respondent: None,
        actions: Vec::new(),
    };
    let gate = |id: &str, day: u32, who: &str| {
        loaded(
            id,
            meta(EntryKind::Gate, day),
            Body::Records(vec![record(who)]),
        )
    };
    assert_eq!(last_decider(&[session("a", 1, "Anna Lind", &[])]), None);
    let entries = [
        gate("a", 2, "Eva Ström"),
        gate("b", 3, "Leila Berg, rektor"),
        session("c", 4, "Anna", &[]),
    ];
    assert_eq!(
        last_decider(&entries).as_deref(),
        Some("Leila Berg, rektor")
    );
    assert_eq!(last_meeting(&entries).map(|e| e.id.as_str()), Some("c"));
}
