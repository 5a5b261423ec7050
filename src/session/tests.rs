//! The session engine driven by a scripted room: answers, stepping back,
//! skipping and coming back, stopping early and resuming from the draft.

use std::collections::VecDeque;
use std::fs;
use std::path::Path;

use super::*;
use crate::log::{Answer, CheckState, entry_file_name};
use crate::state::{State, fold};

/// A room that replies from a script and remembers what it was asked.
struct Script {
    replies: VecDeque<Reply>,
    asked: Vec<String>,
    defaults: Vec<Option<Given>>,
    revisit: bool,
}

impl Script {
    fn new(replies: Vec<Reply>) -> Script {
        Script {
            replies: replies.into(),
            asked: Vec::new(),
            defaults: Vec::new(),
            revisit: true,
        }
    }
}

impl SessionUi for Script {
    fn intro(&mut self, _: &Phase, _: Lang) -> Result<()> {
        Ok(())
    }
    fn people(&mut self, default: &People) -> Result<People> {
        Ok(default.clone())
    }
    fn ask(&mut self, q: &Question<'_>) -> Result<Reply> {
        self.asked.push(q.item.id.clone());
        self.defaults.push(q.current.cloned());
        Ok(self.replies.pop_front().unwrap_or(Reply::Quit))
    }
    fn revisit(&mut self, _: &[&Item], _: Lang) -> Result<bool> {
        Ok(std::mem::replace(&mut self.revisit, false))
    }
    fn summary(&mut self, _: &Phase, _: &[Record], _: &[&Item], _: Lang) -> Result<()> {
        Ok(())
    }
    fn gate(&mut self, _: &super::GateAsk<'_>) -> Result<Option<GateChoice>> {
        Ok(None)
    }
    fn respondents(&mut self, _: &[String]) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
    fn respondent_turn(&mut self, _: &str) -> Result<()> {
        Ok(())
    }
    fn readiness_result(&mut self, _: &dyn Fn(Option<usize>) -> String) -> Result<()> {
        Ok(())
    }
}

fn text(s: &str) -> Reply {
    Reply::Answer {
        given: Given::Value(Value::Str(s.into())),
        note: None,
    }
}

fn workbook(dir: &Path, personal_data: bool) -> Workbook {
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packs/skolpilot");
    fs::create_dir_all(dir.join("log")).expect("mkdir");
    fs::write(
        dir.join("workbook.toml"),
        format!(
            "name = \"Prov\"\nid = \"prov\"\ncreated = 2026-03-01T09:00:00+01:00\nlanguage = \"sv\"\n\n[pack]\nid = \"skolpilot\"\nversion = \"0.1.0\"\npath = {:?}\n\n[profile]\nprocurement = \"maybe\"\npersonal_data = {personal_data}\n",
            pack.display().to_string()
        ),
    )
    .expect("write");
    Workbook::open(dir, Lang::Sv).expect("opens")
}

/// Runs the first phase with `script`; returns what was asked and the
/// session's answers.
fn run(dir: &Path, wb: &Workbook, script: &mut Script) -> (bool, Progress) {
    let state = fold(wb);
    let ctx = Context {
        workbook: wb,
        state: &state,
        phase: &wb.pack.phases[0],
        lang: Lang::Sv,
        now: Stamp::parse("2026-03-02T09:15:00+01:00").expect("time"),
        user: "Anna Lind".into(),
    };
    let draft = Draft::new(dir, Lang::Sv, Lang::Sv).expect("draft");
    let mut progress = match draft.load().expect("draft reads") {
        Some(Saved::Unfinished(entry)) => Progress::from_draft(&ctx, &entry),
        Some(Saved::HandedOver { .. }) => panic!("no draft is in the log here"),
        None => Progress::new(&ctx, default_people(wb, "start", "Anna Lind")),
    };
    let done = ask_items(&ctx, script, &mut progress, &draft).expect("runs");
    if done {
        write_session(&ctx, &progress, &draft).expect("writes");
    }
    (done, progress)
}

#[test]
fn conditions_decide_which_items_are_asked() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    let mut script = Script::new(vec![text("Frånvaro"), text("nej")]);
    let (done, progress) = run(dir.path(), &wb, &mut script);
    assert!(done);
    // `dataskydd` applies only with personal data.
    assert_eq!(script.asked, ["problem", "losning"]);
    assert_eq!(progress.answers.len(), 2);
    let wb = Workbook::open(dir.path(), Lang::Sv).expect("opens");
    assert_eq!(wb.entries.len(), 1);
    assert!(
        !dir.path().join(".dino/draft.md").exists(),
        "the draft is gone"
    );
}

#[test]
fn stepping_back_changes_an_answer_and_skipped_items_come_back() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), true);
    let mut script = Script::new(vec![
        text("Första svaret"),
        Reply::Back,
        text("Ändrat svar"),
        Reply::Skip,
        Reply::Answer {
            given: Given::Value(Value::Bool(true)),
            note: Some("Klart med DPO".into()),
        },
        // Offered again at the end.
        text("ja"),
    ]);
    let (done, progress) = run(dir.path(), &wb, &mut script);
    assert!(done);
    assert_eq!(
        script.asked,
        [
            "problem",
            "losning",
            "problem",
            "losning",
            "dataskydd",
            "losning"
        ]
    );
    // Stepping back shows the answer just given.
    assert_eq!(
        script.defaults[2],
        Some(Given::Value(Value::Str("Första svaret".into())))
    );
    assert_eq!(
        progress.answers["problem"].0,
        Given::Value(Value::Str("Ändrat svar".into()))
    );
    let wb = Workbook::open(dir.path(), Lang::Sv).expect("opens");
    let Body::Records(records) = &wb.entries[0].entry.body else {
        panic!("records")
    };
    let ids: Vec<&str> = records.iter().map(|r| r.item.as_str()).collect();
    assert_eq!(
        ids,
        ["problem", "losning", "dataskydd"],
        "in the phase's order"
    );
    assert_eq!(records[2].answer, Answer::Check(CheckState::Done));
    assert_eq!(records[2].note.as_deref(), Some("Klart med DPO"));
}

#[test]
fn stopping_early_leaves_a_draft_that_resumes_with_nothing_lost() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), true);
    let mut script = Script::new(vec![text("Frånvaro"), Reply::Quit]);
    let (done, _) = run(dir.path(), &wb, &mut script);
    assert!(!done);
    assert!(dir.path().join(".dino/draft.md").is_file());
    assert_eq!(
        fs::read_to_string(dir.path().join(".dino/.gitignore")).expect("ignore"),
        "*\n"
    );

    let mut script = Script::new(vec![
        Reply::Back,
        Reply::Answer {
            given: Given::Value(Value::Str("Frånvaro".into())),
            note: Some("Oförändrat".into()),
        },
        text("nej"),
        Reply::Skip,
    ]);
    script.revisit = false;
    let (done, progress) = run(dir.path(), &wb, &mut script);
    assert!(done);
    // The resumed session goes on where it stopped; stepping back shows the
    // answer the draft kept.
    assert_eq!(script.asked, ["losning", "problem", "losning", "dataskydd"]);
    assert_eq!(
        script.defaults[1],
        Some(Given::Value(Value::Str("Frånvaro".into())))
    );
    assert_eq!(progress.answers.len(), 2);
    let wb = Workbook::open(dir.path(), Lang::Sv).expect("opens");
    assert_eq!(wb.entries.len(), 1);
    assert_eq!(
        wb.entries[0].entry.meta.date.to_string(),
        "2026-03-02T09:15:00+01:00"
    );
}

#[test]
fn a_second_session_starts_from_the_earlier_answers() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    run(
        dir.path(),
        &wb,
        &mut Script::new(vec![text("Frånvaro"), text("nej")]),
    );
    let wb = Workbook::open(dir.path(), Lang::Sv).expect("opens");
    let mut script = Script::new(vec![Reply::Quit]);
    run(dir.path(), &wb, &mut script);
    assert_eq!(
        script.defaults[0],
        Some(Given::Value(Value::Str("Frånvaro".into())))
    );
}

/// The context of the first phase, as `run` makes it.
fn first_phase<'a>(wb: &'a Workbook, state: &'a State) -> Context<'a> {
    Context {
        workbook: wb,
        state,
        phase: &wb.pack.phases[0],
        lang: Lang::Sv,
        now: Stamp::parse("2026-03-02T09:15:00+01:00").expect("time"),
        user: "Anna Lind".into(),
    }
}

#[test]
fn a_draft_resumed_after_the_pack_dropped_an_item_keeps_that_answer() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    let state = fold(&wb);
    let ctx = first_phase(&wb, &state);
    // A draft from version 0.0.9, with an answer to an item 0.1.0 dropped
    // and one to a choice whose option it took away.
    let mut drafted = Progress::new(&ctx, default_people(&wb, "start", "Anna Lind"));
    drafted.answers.insert(
        "problem".into(),
        (Given::Value(Value::Str("Frånvaro".into())), None),
    );
    let mut entry = drafted.entry(&ctx);
    entry.meta.pack_version = "0.0.9".into();
    let Body::Records(records) = &mut entry.body else {
        panic!("records")
    };
    let dropped = Record {
        item: "malgrupp".into(),
        criterion: false,
        prompt: "Vilka gäller det?".into(),
        answer: Answer::Text("Elever i årskurs 9".into()),
        note: Some("Fråga rektorn".into()),
        respondent: None,
        actions: Vec::new(),
    };
    let unfit = Record {
        item: "losning".into(),
        criterion: false,
        prompt: "Vet vi hur lösningen ser ut?".into(),
        answer: Answer::Options(vec![crate::log::OptionMark {
            id: "kanske".into(),
            label: "Kanske".into(),
            ticked: true,
        }]),
        note: None,
        respondent: None,
        actions: Vec::new(),
    };
    records.extend([dropped.clone(), unfit.clone()]);
    let draft = Draft::new(dir.path(), Lang::Sv, Lang::Sv).expect("draft");
    draft.save(&entry).expect("saves");

    let Some(Saved::Unfinished(saved)) = draft.load().expect("reads") else {
        panic!("an unfinished draft")
    };
    let mut progress = Progress::from_draft(&ctx, &saved);
    assert_eq!(progress.kept, [dropped.clone(), unfit.clone()]);
    // The room answers `losning` anew; the draft's answer stays beside it.
    progress.answers.insert(
        "losning".into(),
        (Given::Value(Value::Str("nej".into())), None),
    );
    write_session(&ctx, &progress, &draft).expect("writes");

    let wb = Workbook::open(dir.path(), Lang::Sv).expect("opens");
    let Body::Records(written) = &wb.entries[0].entry.body else {
        panic!("records")
    };
    let ids: Vec<&str> = written.iter().map(|r| r.item.as_str()).collect();
    assert_eq!(ids, ["malgrupp", "losning", "problem", "losning"]);
    assert_eq!(written[0], dropped);
    assert_eq!(wb.entries[0].entry.meta.pack_version, "0.0.9");
    let state = fold(&wb);
    assert!(state.findings.is_empty(), "{:?}", state.findings);
    let orphans: Vec<(&str, bool)> = state
        .orphans
        .iter()
        .map(|o| (o.item.as_str(), o.changed))
        .collect();
    assert_eq!(orphans, [("malgrupp", false), ("losning", true)]);
    assert_eq!(
        state.answers[&("start".to_string(), "losning".to_string())].given,
        Given::Value(Value::Str("nej".into()))
    );
}

#[test]
fn a_draft_whose_entry_is_in_the_log_is_handed_over_and_not_written_twice() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    let state = fold(&wb);
    let ctx = first_phase(&wb, &state);
    let mut progress = Progress::new(&ctx, default_people(&wb, "start", "Anna Lind"));
    progress.answers.insert(
        "problem".into(),
        (Given::Value(Value::Str("Frånvaro".into())), None),
    );
    let draft = Draft::new(dir.path(), Lang::Sv, Lang::Sv).expect("draft");
    let entry = progress.entry(&ctx);
    // Stopped after the entry was written, before the draft was removed.
    let path = hand_over(&wb, &draft, &entry, None, Lang::Sv).expect("writes");
    let earlier = draft.load().expect("reads");
    let Some(Saved::HandedOver { path: found, .. }) = &earlier else {
        panic!("handed over: {earlier:?}")
    };
    assert_eq!(found, &path);
    // Run again, later and after the entry: the same session is not
    // written again.
    let wb = Workbook::open(dir.path(), Lang::Sv).expect("opens");
    let state = fold(&wb);
    let ctx = first_phase(&wb, &state);
    let mut again = Progress::new(&ctx, progress.people.clone());
    again.answers = progress.answers.clone();
    let second =
        hand_over(&wb, &draft, &again.entry(&ctx), earlier.as_ref(), Lang::Sv).expect("hands over");
    assert_eq!(second, path);
    assert_eq!(
        fs::read_dir(dir.path().join("log")).expect("log").count(),
        1
    );
    // Another session is written, and the draft follows it.
    again.answers.insert(
        "losning".into(),
        (Given::Value(Value::Str("nej".into())), None),
    );
    let third =
        hand_over(&wb, &draft, &again.entry(&ctx), earlier.as_ref(), Lang::Sv).expect("writes");
    assert_ne!(third, path);
    assert_eq!(
        fs::read(&third).expect("entry"),
        fs::read(dir.path().join(".dino/draft.md")).expect("draft")
    );
}

#[test]
fn the_log_file_holding_a_text_is_found_by_its_name_and_bytes() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    let state = fold(&wb);
    let ctx = first_phase(&wb, &state);
    let mut progress = Progress::new(&ctx, default_people(&wb, "start", "Anna Lind"));
    progress.answers.insert(
        "problem".into(),
        (Given::Value(Value::Str("Frånvaro".into())), None),
    );
    let entry = progress.entry(&ctx);
    let text = crate::log::write_entry(&entry, Lang::Sv);
    let log = dir.path().join("log");
    let name = entry_file_name(&entry.meta, &text, |_| false);
    // The same name with other bytes (a hand edit) is not it.
    fs::write(log.join(&name), "edited").expect("write");
    assert_eq!(files::log_file_holding(&log, &entry, &text), None);
    // One more id digit (the six were taken) is still it.
    let longer = name.replace(".md", "0.md");
    fs::write(log.join(&longer), &text).expect("write");
    assert_eq!(
        files::log_file_holding(&log, &entry, &text),
        Some(log.join(&longer))
    );
    // The same bytes outside the workbook, through a link, are not in its
    // log: neither an entry linked out nor `log/` linked out.
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().expect("temp");
        fs::rename(log.join(&longer), outside.path().join(&longer)).expect("move");
        std::os::unix::fs::symlink(outside.path().join(&longer), log.join(&longer)).expect("link");
        assert_eq!(files::log_file_holding(&log, &entry, &text), None);
        fs::remove_file(log.join(&longer)).expect("remove");
        fs::rename(&log, dir.path().join("kept-log")).expect("move");
        std::os::unix::fs::symlink(outside.path(), &log).expect("link");
        assert_eq!(files::log_file_holding(&log, &entry, &text), None);
    }
}

fn raise(text: &str, owner: &str) -> Reply {
    Reply::Raise {
        action: ActionMark {
            n: 0,
            text: text.into(),
            owner: owner.into(),
            due: jiff::civil::date(2026, 3, 31),
        },
        note: None,
    }
}

#[test]
fn actions_are_saved_at_once_kept_through_a_stop_and_numbered_in_the_entry() {
    let dir = tempfile::tempdir().expect("temp");
    let wb = workbook(dir.path(), false);
    // An action on the first item before it is answered, then a stop.
    let mut script = Script::new(vec![raise("Fråga elevhälsan", "Karin"), Reply::Quit]);
    let (done, _) = run(dir.path(), &wb, &mut script);
    assert!(!done);
    // Asked again after the action: the same item.
    assert_eq!(script.asked, ["problem", "problem"]);
    let draft = fs::read_to_string(dir.path().join(".dino/draft.md")).expect("draft");
    assert!(draft.contains("Fråga elevhälsan"), "{draft}");

    // Resumed: the first item is still open; skipped, with one more action
    // on the second, which is answered.
    let mut script = Script::new(vec![
        Reply::Skip,
        raise("Pröva i en klass", "Anna Lind"),
        text("nej"),
    ]);
    script.revisit = false;
    let (done, progress) = run(dir.path(), &wb, &mut script);
    assert!(done);
    assert_eq!(script.asked, ["problem", "losning", "losning"]);
    assert_eq!(progress.actions.len(), 2);
    let wb = Workbook::open(dir.path(), Lang::Sv).expect("opens");
    let Body::Records(records) = &wb.entries[0].entry.body else {
        panic!("records");
    };
    assert_eq!(records[0].item, "problem");
    assert_eq!(records[0].answer, Answer::Unanswered);
    assert_eq!(records[0].actions[0].n, 1);
    assert_eq!(records[1].item, "losning");
    assert_eq!(records[1].actions[0].n, 2);
    assert_eq!(records[1].actions[0].owner, "Anna Lind");
    // The unanswered item stays open.
    let state = fold(&wb);
    assert!(state.phases[0].open.contains(&"problem".to_string()));
}
