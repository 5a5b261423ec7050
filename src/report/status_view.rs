//! `dino status` for people: one workbook's phases, current phase and open
//! items; or a portfolio, one row per workbook.

use std::fmt::Write as _;
use std::sync::Arc;

use super::state_words::{current_text, phase_title};
use crate::i18n::{Lang, Say};
use crate::log::EntryKind;
use crate::pack::Decision;
use crate::pack::diff::Change;
use crate::state::{CriterionStatus, Current, Disagreement, GateState, PhaseState, Side, State};
use crate::text::table::new_table;
use crate::text::terminal_md::visible;
use crate::tr;
use crate::workbook::Workbook;
use crate::workbook::pack_change::Unknown;

/// "3 av 7", or a dash when nothing is required.
pub fn progress(phase: &PhaseState, lang: Lang) -> String {
    if phase.required == 0 {
        "–".to_string()
    } else {
        tr!(lang, "{} av {}", "{} of {}", phase.done, phase.required)
    }
}

pub fn gate_text(gate: &GateState, lang: Lang) -> String {
    match gate {
        GateState::Open => lang.pick("öppen", "open").to_string(),
        GateState::Ready => lang
            .pick("redo för beslut", "ready for decision")
            .to_string(),
        GateState::Decided { decision, date, .. } => {
            format!("{} {}", decision.label(lang), date.date())
        }
    }
}

/// The latest decision in words.
pub fn decision_text(wb: &Workbook, state: &State, lang: Lang) -> Option<String> {
    let entry = state.last_decision(wb)?;
    Some(match entry.entry.meta.kind {
        EntryKind::Gate => {
            let phase = entry.entry.meta.phase.as_deref().unwrap_or("");
            let decided = state.phases.iter().find_map(|p| match &p.gate {
                GateState::Decided {
                    decision,
                    entry: at,
                    ..
                } if wb.entries.get(*at).is_some_and(|e| e.id == entry.id) => Some(*decision),
                _ => None,
            });
            let label = decided.map_or("?", |d: Decision| d.label(lang));
            format!(
                "{}: {label} ({})",
                phase_title(wb, phase, lang),
                entry.entry.meta.date.date()
            )
        }
        _ => format!(
            "{} ({})",
            shorten(&entry.headline(), 50),
            entry.entry.meta.date.date()
        ),
    })
}

pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// One workbook in full, as of a day.
pub fn workbook(
    wb: &Workbook,
    state: &State,
    as_of: jiff::civil::Date,
    lang: Lang,
    width: Option<u16>,
) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "{} · {} {}",
        wb.file.name, wb.pack.id, wb.file.pack.version
    );
    if wb.root != std::path::Path::new(".") {
        let _ = write!(out, " · {}", wb.root.display());
    }
    let _ = writeln!(out, " · {} {as_of}", lang.pick("per", "as of"));
    phases_table(&mut out, wb, state, lang, width);
    let _ = writeln!(
        out,
        "{} {}",
        lang.pick("Aktuell fas:", "Current phase:"),
        current_text(wb, state, lang)
    );
    stale(&mut out, wb, state, as_of, lang);
    if let Some(current) = state.current_phase() {
        next_items(&mut out, wb, current, lang);
    }
    draft_waiting(&mut out, wb, lang);
    risks_and_decision(&mut out, wb, state, lang);
    last_criteria(&mut out, wb, state, lang);
    follow_up(&mut out, wb, state, as_of, lang);
    indicators(&mut out, wb, state, lang);
    low_readiness(&mut out, wb, state, lang);
    readiness_compared(&mut out, wb, state, lang, width);
    orphans(&mut out, state, lang);
    disagreements(&mut out, wb, state, lang);
    pack_change(&mut out, wb, lang, Some(PACK_CHANGES_SHOWN));
    problems(&mut out, wb, state, lang);
    out
}

/// A row per phase: its progress, gate and last session; the current one
/// marked.
fn phases_table(out: &mut String, wb: &Workbook, state: &State, lang: Lang, width: Option<u16>) {
    let mut table = new_table(
        vec![
            lang.pick("Fas", "Phase").to_string(),
            lang.pick("Klara (krav)", "Done (required)").to_string(),
            lang.pick("Beslutspunkt", "Gate").to_string(),
            lang.pick("Senaste session", "Last session").to_string(),
        ],
        width,
    );
    for phase in &state.phases {
        let marker = match state.current {
            Current::Phase(i) | Current::Stopped(i) if state.phases[i].id == phase.id => "▸ ",
            _ => "  ",
        };
        table.add_row(vec![
            format!("{marker}{}", phase_title(wb, &phase.id, lang)),
            progress(phase, lang),
            gate_text(&phase.gate, lang),
            phase
                .last_session
                .map_or_else(|| "–".to_string(), |d| d.date().to_string()),
        ]);
    }
    let _ = writeln!(out, "{table}");
}

/// The current phase's next open items, required first; or, with none,
/// that its gate awaits a decision.
fn next_items(out: &mut String, wb: &Workbook, current: &PhaseState, lang: Lang) {
    let text_lang = wb.pack.lang_for(lang);
    let phase = wb.pack.phase(&current.id);
    let next: Vec<(&String, bool)> = current
        .open
        .iter()
        .map(|id| (id, true))
        .chain(current.unanswered.iter().map(|id| (id, false)))
        .take(5)
        .collect();
    if !next.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick("Nästa öppna punkter:", "Next open items:")
        );
        for (id, required) in next {
            let prompt = phase
                .and_then(|p| p.item(id))
                .map_or(id.as_str(), |i| i.prompt.get(text_lang));
            let tag = if required {
                lang.pick(" (krav)", " (required)")
            } else {
                ""
            };
            let _ = writeln!(out, "  • {prompt}{tag} [{}.{id}]", current.id);
        }
    } else if matches!(current.gate, GateState::Ready) {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "Alla krav är uppfyllda; beslutspunkten väntar på ett beslut.",
                "Every requirement is met; the gate awaits a decision."
            )
        );
    }
}

/// That the workbook is stale, if it is: since when nothing was written,
/// and after how many days the pack calls that stale.
fn stale(out: &mut String, wb: &Workbook, state: &State, as_of: jiff::civil::Date, lang: Lang) {
    if let Some(crate::state::stale::Stale { since, after_days }) =
        crate::state::stale::stale(wb, state, as_of)
    {
        let _ = writeln!(
            out,
            "{}. {}",
            lang.pick("Avstannad", "Stale"),
            super::state_words::stale_sentence(&since.to_string(), after_days, lang)
        );
    }
}

/// That an unfinished session waits in the draft, if one does.
fn draft_waiting(out: &mut String, wb: &Workbook, lang: Lang) {
    if wb
        .root
        .join(crate::session::files::STATE_DIR)
        .join("draft.md")
        .is_file()
    {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "En avbruten session väntar i utkastet; `dino run` fortsätter den.",
                "An unfinished session waits in the draft; `dino run` goes on with it."
            )
        );
    }
}

/// How many risks are open, and the latest decision.
fn risks_and_decision(out: &mut String, wb: &Workbook, state: &State, lang: Lang) {
    let risks = state.open_risks(wb);
    let _ = write!(out, "{} {risks}", lang.pick("Öppna risker:", "Open risks:"));
    if let Some(decision) = decision_text(wb, state, lang) {
        let _ = write!(
            out,
            " · {} {decision}",
            lang.pick("Senaste beslut:", "Last decision:")
        );
    }
    out.push('\n');
}

/// The criteria of the latest gate decision, each with its status: a
/// reason not applicable, the action that sees to a deferred one.
fn last_criteria(out: &mut String, wb: &Workbook, state: &State, lang: Lang) {
    let latest = state
        .phases
        .iter()
        .zip(&wb.pack.phases)
        .filter_map(|(ps, phase)| match ps.gate {
            GateState::Decided { entry, .. }
                if ps.criteria_recorded() || !ps.dropped_criteria.is_empty() =>
            {
                Some((entry, ps, phase))
            }
            _ => None,
        })
        .max_by_key(|(entry, ..)| *entry);
    let Some((_, ps, phase)) = latest else {
        return;
    };
    let text_lang = wb.pack.lang_for(wb.language());
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "Kriterier vid beslutspunkten efter {}:",
            "Criteria at the gate after {}:",
            phase.title.get(text_lang)
        )
    );
    for c in &ps.criteria {
        let text = phase
            .gate
            .criterion(&c.id)
            .map_or(c.id.as_str(), |k| k.text.get(text_lang));
        let label = super::state_words::criterion_status(&c.status, lang);
        let detail = match &c.status {
            CriterionStatus::NotApplicable(reason) => {
                format!(": {}", shorten(&visible(reason), 80))
            }
            CriterionStatus::Deferred { action } => format!(" [{action}]"),
            _ => String::new(),
        };
        let _ = writeln!(out, "  • {text} — {label}{detail}");
    }
    for c in &ps.dropped_criteria {
        let _ = writeln!(out, "  • {}", dropped_criterion(c, lang));
    }
}

/// A criterion recorded by number that the gate no longer has, on one
/// line: its text as it read then, its status, and why it does not count.
pub fn dropped_criterion(c: &crate::state::DroppedCriterion, lang: Lang) -> String {
    tr!(
        lang,
        "{} — {} · inte längre med vid beslutspunkten (nr {} i paketets version {}); räknas inte",
        "{} — {} · no longer taken by the gate (no. {} in version {} of the pack); not counted",
        shorten(&visible(&c.text), 80),
        super::state_words::criterion_status(&c.status, lang),
        c.id,
        c.pack_version
    )
}

/// How many items `follow_up` shows before it points to `dino due`.
const DUE_SHOWN: usize = 5;

/// The open actions and risks that are due, the overdue first and marked.
fn follow_up(out: &mut String, wb: &Workbook, state: &State, as_of: jiff::civil::Date, lang: Lang) {
    let due = crate::state::follow_up::due(wb, state, as_of);
    if due.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", lang.pick("Att följa upp:", "To follow up:"));
    for item in due.iter().take(DUE_SHOWN) {
        let overdue = if item.overdue {
            lang.pick(" försenad", " overdue")
        } else {
            ""
        };
        let text = shorten(&item.text, 50);
        let _ = match (&item.owner, item.kind) {
            (_, crate::state::follow_up::DueKind::Gate) => {
                let gate = lang.pick("beslutspunkt", "gate");
                writeln!(out, "  • {}{overdue} · {gate}: {text}", item.day)
            }
            (owner, _) => {
                let owner = owner.as_deref().unwrap_or("–");
                writeln!(
                    out,
                    "  • {}{overdue} · {owner}: {text} [{}]",
                    item.day, item.id
                )
            }
        };
    }
    if due.len() > DUE_SHOWN {
        let more = due.len() - DUE_SHOWN;
        let _ = writeln!(
            out,
            "{}",
            crate::tr!(
                lang,
                "  … och {more} till: `dino due`",
                "  … and {more} more: `dino due`"
            )
        );
    }
}

/// Each defined indicator in a line: its latest value (or its baseline)
/// against its target.
fn indicators(out: &mut String, wb: &Workbook, state: &State, lang: Lang) {
    let defined = crate::state::indicators::indicators(wb, state);
    if defined.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", lang.pick("Indikatorer:", "Indicators:"));
    for i in &defined {
        let d = &i.indicator;
        let unit = if d.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", d.unit)
        };
        let number = |n| crate::state::answer::format_number(n, lang);
        let now = match i.latest() {
            Some(m) => format!("{}{unit} ({})", number(m.value), m.date),
            None => crate::tr!(
                lang,
                "{}{unit} (utgångsläge {})",
                "{}{unit} (baseline {})",
                number(d.baseline),
                d.baseline_date
            ),
        };
        let target = crate::tr!(
            lang,
            "mål {} senast {}",
            "target {} by {}",
            number(d.target),
            d.target_date
        );
        let _ = writeln!(
            out,
            "  • {}: {now} · {target} [{}]",
            shorten(&d.name, 50),
            i.id()
        );
    }
}

/// The latest assessment's dimensions below the risk line that no open
/// risk names, and how to note one.
fn low_readiness(out: &mut String, wb: &Workbook, state: &State, lang: Lang) {
    let low = crate::state::readiness::low_without_risk(wb, state);
    let Some(readiness) = &wb.pack.readiness else {
        return;
    };
    if low.is_empty() {
        return;
    }
    let text_lang = wb.pack.lang_for(lang);
    let named: Vec<String> = low
        .iter()
        .map(|d| {
            let title = readiness
                .dimensions
                .iter()
                .find(|dim| dim.id == d.id)
                .map_or(d.id.as_str(), |dim| dim.title.get(text_lang));
            format!("{title} ({})", crate::i18n::one_decimal(d.mean, lang))
        })
        .collect();
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(
            lang,
            "Förutsättningar med låg skattning som ingen öppen risk nämner: {}; skriv en med `dino note risk \"…\" --owner NAMN --due DATUM`",
            "Low readiness that no open risk names: {}; note one with `dino note risk \"…\" --owner NAME --due DATE`",
            named.join(", ")
        )
    );
}

/// The latest readiness assessment compared, when several answered it:
/// a table by respondent (with the spread) and one by role, the lowest on
/// each dimension marked, and what the spread means.
fn readiness_compared(
    out: &mut String,
    wb: &Workbook,
    state: &State,
    lang: Lang,
    width: Option<u16>,
) {
    use super::readiness_chart::{cell, column_head, columns, corner, spread_words};
    let (Some(readiness), Some(latest)) = (&wb.pack.readiness, state.readiness.last()) else {
        return;
    };
    if latest.respondents.len() < 2 {
        return;
    }
    let text_lang = wb.pack.lang_for(lang);
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(
            lang,
            "{} · {}: {} svarande{}",
            "{} · {}: {} respondents{}",
            readiness.title.get(text_lang),
            latest.date.date(),
            latest.respondents.len(),
            if latest.alone {
                lang.pick(", var för sig", ", each alone")
            } else {
                ""
            }
        )
    );
    let (by_respondent, by_role) = columns(readiness, latest);
    for (columns, by_role) in [(by_respondent, false), (by_role, true)] {
        if columns.is_empty() {
            continue;
        }
        let mut header = vec![corner(by_role, lang).to_string()];
        header.extend(
            columns
                .iter()
                .map(|c| column_head(&c.name, c.of.as_deref(), by_role)),
        );
        if !by_role {
            header.push(lang.pick("Skillnad", "Spread").to_string());
        }
        let mut table = crate::text::table::new_table(header, width);
        for (d, (dimension, score)) in readiness
            .dimensions
            .iter()
            .zip(&latest.dimensions)
            .enumerate()
        {
            let mut row = vec![dimension.title.get(text_lang).to_string()];
            row.extend(columns.iter().map(|c| cell(c.means[d], c.lowest[d], lang)));
            if !by_role {
                row.push(cell(score.spread(), false, lang));
            }
            table.add_row(row);
        }
        let _ = writeln!(out, "{table}");
    }
    let _ = writeln!(out, "{}", spread_words(lang));
}

/// Answers to items the pack no longer has, then answers that no longer
/// fit their changed item.
fn orphans(out: &mut String, state: &State, lang: Lang) {
    let orphans = |changed: bool| -> Option<String> {
        let list: Vec<String> = state
            .orphans
            .iter()
            .filter(|o| o.changed == changed)
            .map(|o| {
                format!(
                    "{}.{} {}",
                    o.phase,
                    o.item,
                    lang.quote(&shorten(&visible(&o.prompt), 40))
                )
            })
            .collect();
        (!list.is_empty()).then(|| list.join(", "))
    };
    if let Some(list) = orphans(false) {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "Svar på punkter som paketet inte längre har: {list}",
                "Answers to items the pack no longer has: {list}"
            )
        );
    }
    if let Some(list) = orphans(true) {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "Svar som inte längre passar sin punkt (paketet har ändrat den): {list}",
                "Answers that no longer fit their item (the pack changed it): {list}"
            )
        );
    }
}

/// How many problems `dino check` would find, if any.
fn problems(out: &mut String, wb: &Workbook, state: &State, lang: Lang) {
    let problems = wb.findings.len() + state.findings.len();
    if problems == 0 {
        return;
    }
    let root = wb.root.display();
    let _ = writeln!(
        out,
        "{}",
        match (lang, problems) {
            (Lang::Sv, n) => format!("{n} problem i arbetsboken; `dino check {root}` visar dem"),
            (Lang::En, 1) => format!("1 problem in the workbook; `dino check {root}` shows it"),
            (Lang::En, n) =>
                format!("{n} problems in the workbook; `dino check {root}` lists them"),
        }
    );
}

/// Items answered differently on two branches: both answers, and which
/// counts.
fn disagreements(out: &mut String, wb: &Workbook, state: &State, lang: Lang) {
    if state.disagreements.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "Olika svar, givna utan att någon sett den andras (det senaste gäller):",
            "Answered differently, with neither having seen the other's answer (the latest counts):"
        )
    );
    for d in &state.disagreements {
        disagreement(out, wb, d, lang);
    }
    settle(out, state, lang);
}

/// One disagreement: the item (or gate), the answer that counts and those
/// set aside.
fn disagreement(out: &mut String, wb: &Workbook, d: &Disagreement, lang: Lang) {
    let text_lang = wb.pack.lang_for(lang);
    // Times in one offset (the answer that counts), so they compare.
    let offset = wb.entries[d.kept.entry].entry.meta.date.offset;
    let side = |s: &Side| side_text(wb, s, offset, lang);
    let (prompt, place) = match &d.item {
        Some(item) => (
            wb.pack
                .phase(&d.phase)
                .and_then(|p| p.item(item))
                .map_or(item.to_string(), |i| i.prompt.get(text_lang).to_string()),
            format!("{}.{item}", d.phase),
        ),
        None => (
            tr!(
                lang,
                "Beslutspunkt: {}",
                "Gate: {}",
                phase_title(wb, &d.phase, lang)
            ),
            d.phase.clone(),
        ),
    };
    // Each answer whole on a line of its own: two that differ only at
    // their ends are told apart.
    let _ = writeln!(out, "  • {} [{place}]", shorten(&visible(&prompt), 70));
    let _ = writeln!(
        out,
        "      {}: {}",
        lang.pick("gäller", "counts"),
        side(&d.kept)
    );
    for other in &d.set_aside {
        let _ = writeln!(
            out,
            "      {}: {}",
            lang.pick("åt sidan", "set aside"),
            side(other)
        );
    }
}

/// One side of a disagreement: the answer, when (in `offset`) and by whom.
fn side_text(wb: &Workbook, s: &Side, offset: jiff::tz::Offset, lang: Lang) -> String {
    let meta = &wb.entries[s.entry].entry.meta;
    let roster = crate::state::roster::Roster::fold(&wb.entries);
    let by = meta
        .by
        .as_deref()
        .map(|b| format!(", {}", roster.corrected(b).0))
        .unwrap_or_default();
    let answer = crate::report::state_words::answer_in_line(&s.answer, lang);
    format!(
        "{} ({}{by})",
        lang.quote(&answer),
        crate::log::Stamp::new(meta.date.at, offset).short()
    )
}

/// What settles the disagreements: a run of each phase with items in
/// dispute, a decision at each gate in dispute.
fn settle(out: &mut String, state: &State, lang: Lang) {
    let settle = |item: bool| -> Vec<String> {
        let phases: std::collections::BTreeSet<&str> = state
            .disagreements
            .iter()
            .filter(|d| d.item.is_some() == item)
            .map(|d| d.phase.as_str())
            .collect();
        phases
            .iter()
            .map(|p| match item {
                true => format!("`dino run {p}`"),
                false => format!("`dino gate {p} --decision …`"),
            })
            .collect()
    };
    let (runs, gates) = (settle(true), settle(false));
    if !runs.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            tr!(
                lang,
                "{} och ett nytt svar på punkten avgör saken.",
                "{} and a new answer to the item settle it.",
                runs.join(", ")
            )
        );
    }
    if !gates.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            tr!(
                lang,
                "Ett nytt beslut avgör saken: {}.",
                "A new decision settles it: {}.",
                gates.join(", ")
            )
        );
    }
}

/// How many pack changes `dino status` lists; `dino upgrade` lists all.
const PACK_CHANGES_SHOWN: usize = 8;

/// Whether the workbook's pack changed since the workbook recorded it, and
/// how: at most `limit` changes, then how many more.
pub fn pack_change(out: &mut String, wb: &Workbook, lang: Lang, limit: Option<usize>) {
    let Some(change) = wb.pack_change() else {
        return;
    };
    let id = &wb.pack.id;
    if change.is_older() {
        let (from, to) = (&change.from, &change.to);
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "Arbetsboken följer {id} {from}, men här finns bara {to}, en äldre version: uppdatera dino (eller paketet) hellre än att köra `dino upgrade`.",
                "The workbook follows {id} {from}, but only {to}, an older version, is here: update dino (or the pack) rather than run `dino upgrade`."
            )
        );
        return;
    }
    let versions = if change.from == change.to {
        tr!(lang, "{}, nytt innehåll", "{}, new content", change.to)
    } else {
        format!("{} → {}", change.from, change.to)
    };
    let _ = write!(
        out,
        "{}",
        tr!(
            lang,
            "Paketet {id} har ändrats sedan arbetsboken registrerade det ({versions})",
            "The pack {id} has changed since the workbook recorded it ({versions})"
        )
    );
    what_changed(out, &change.changes, lang, limit);
    if limit.is_some() {
        let _ = writeln!(
            out,
            "  {}",
            tr!(
                lang,
                "`dino upgrade` registrerar den nya versionen; loggen ändras inte, och svar på borttagna punkter finns kvar.",
                "`dino upgrade` records the new version; the log is not changed, and answers to removed items stay."
            )
        );
    }
}

/// The end of the pack-change line: what changed, at most `limit` changes
/// then how many more; or why that cannot be shown.
fn what_changed(
    out: &mut String,
    changes: &Result<Arc<Vec<Change>>, Unknown>,
    lang: Lang,
    limit: Option<usize>,
) {
    match changes {
        Ok(changes) if changes.is_empty() => {
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    ", men bara i texter som ögonblicksbilden inte håller (vägledning, hjälptexter, kriterier).",
                    ", but only in texts the snapshot does not keep (guidance, help, criteria)."
                )
            );
        }
        Ok(changes) => {
            let _ = writeln!(out, ": {}", crate::pack::diff::summary(changes).say(lang));
            let shown = limit.unwrap_or(changes.len());
            for c in changes.iter().take(shown) {
                let _ = writeln!(out, "  {}", visible(&crate::pack::diff::line(c).say(lang)));
            }
            if changes.len() > shown {
                let _ = writeln!(
                    out,
                    "  {}",
                    tr!(
                        lang,
                        "… och {} till; `dino upgrade` visar alla",
                        "… and {} more; `dino upgrade` shows them all",
                        changes.len() - shown
                    )
                );
            }
        }
        Err(Unknown::NoSnapshot) => {
            let _ = writeln!(
                out,
                ". {}",
                tr!(
                    lang,
                    "Arbetsboken har ingen ögonblicksbild av paketet ({}), så vad som ändrats kan inte visas.",
                    "The workbook has no snapshot of the pack ({}), so what changed cannot be shown.",
                    crate::workbook::snapshot::SNAPSHOT_FILE
                )
            );
        }
        Err(Unknown::Unreadable(finding)) => {
            let _ = writeln!(out, ".\n  {finding}");
        }
    }
}

/// One row of a portfolio.
pub struct Row {
    pub name: String,
    /// Where the workbook is, as found.
    pub path: String,
    pub phase: String,
    pub progress: String,
    pub last_activity: String,
    pub open_risks: String,
    pub last_decision: String,
    /// What `dino check` would find, so a broken log is not hidden.
    pub problems: String,
    /// The pack has changed since the workbook recorded it.
    pub pack_changed: bool,
}

impl Row {
    /// A workbook's row as of a day; a stale workbook's phase marked.
    pub fn of(wb: &Workbook, state: &State, as_of: jiff::civil::Date, lang: Lang) -> Row {
        let mut phase = current_text(wb, state, lang);
        if crate::state::stale::stale(wb, state, as_of).is_some() {
            phase = format!("{phase} · {}", super::state_words::stale_word(lang));
        }
        Row {
            name: visible(&wb.file.name),
            path: visible(&wb.root.display().to_string()),
            phase,
            progress: state
                .current_phase()
                .map_or_else(|| "–".to_string(), |p| progress(p, lang)),
            last_activity: state
                .last_activity
                .map_or_else(|| "–".to_string(), |d| d.date().to_string()),
            open_risks: state.open_risks(wb).to_string(),
            last_decision: visible(
                &decision_text(wb, state, lang).unwrap_or_else(|| "–".to_string()),
            ),
            problems: match wb.findings.len() + state.findings.len() {
                0 => "–".to_string(),
                n => n.to_string(),
            },
            pack_changed: wb.pack_changed(),
        }
    }
}

/// A portfolio: one row per workbook.
pub fn portfolio(rows: &[Row], lang: Lang, width: Option<u16>) -> String {
    let mut table = new_table(
        vec![
            lang.pick("Arbetsbok", "Workbook").to_string(),
            lang.pick("Aktuell fas", "Current phase").to_string(),
            lang.pick("Klara i fasen (krav)", "Done in phase (required)")
                .to_string(),
            lang.pick("Senast aktiv", "Last activity").to_string(),
            lang.pick("Öppna risker", "Open risks").to_string(),
            lang.pick("Senaste beslut", "Last decision").to_string(),
            lang.pick("Problem", "Problems").to_string(),
        ],
        width,
    );
    // At a terminal the name alone, unless two share it; piped, with the
    // path, for scripts and logs.
    let shared = |name: &str| rows.iter().filter(|r| r.name == name).count() > 1;
    for row in rows {
        let name = match width {
            Some(_) if !shared(&row.name) => row.name.clone(),
            _ => format!("{} ({})", row.name, row.path),
        };
        table.add_row(vec![
            name,
            row.phase.clone(),
            row.progress.clone(),
            row.last_activity.clone(),
            row.open_risks.clone(),
            row.last_decision.clone(),
            row.problems.clone(),
        ]);
    }
    if let Some(width) = width {
        // Short values keep short columns, their headings wrapping instead;
        // a date is never cut. Widths count the padding on both sides.
        use comfy_table::{ColumnConstraint, Width};
        let mut constraints = vec![
            (2, ColumnConstraint::UpperBoundary(Width::Fixed(12))),
            (3, ColumnConstraint::Absolute(Width::Fixed(12))),
            (4, ColumnConstraint::UpperBoundary(Width::Fixed(9))),
            (6, ColumnConstraint::UpperBoundary(Width::Fixed(10))),
        ];
        // Where there is room, the long words of names stay whole.
        if width >= 100 {
            constraints.push((0, ColumnConstraint::LowerBoundary(Width::Fixed(22))));
        }
        for (column, constraint) in constraints {
            if let Some(c) = table.column_mut(column) {
                c.set_constraint(constraint);
            }
        }
    }
    let mut out = format!("{table}\n");
    let changed: Vec<&str> = rows
        .iter()
        .filter(|r| r.pack_changed)
        .map(|r| r.name.as_str())
        .collect();
    if !changed.is_empty() {
        // A few by name; a count for the rest.
        const NAMED: usize = 5;
        let mut names = changed[..changed.len().min(NAMED)].join(", ");
        if changed.len() > NAMED {
            names.push_str(&tr!(
                lang,
                " och {} till",
                " and {} more",
                changed.len() - NAMED
            ));
        }
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "Paketet har ändrats sedan de registrerade det: {names}; `dino status` i var och en visar vad.",
                "Their pack has changed since they recorded it: {names}; `dino status` in each shows what."
            )
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, path: &str) -> Row {
        Row {
            name: name.into(),
            path: path.into(),
            phase: "Förstå (fas 2 av 6)".into(),
            progress: "2 av 6".into(),
            last_activity: "2026-05-12".into(),
            open_risks: "1".into(),
            last_decision: "Initiering: Fortsätt (2026-05-04)".into(),
            problems: "–".into(),
            pack_changed: false,
        }
    }

    #[test]
    fn at_a_terminal_a_portfolio_names_workbooks_and_keeps_short_values_whole() {
        let rows = [
            row("Språkstöd på arbetsplatsen i Ålby", "p/sprakstod"),
            row("Prov", "p/a/prov"),
            row("Prov", "p/b/prov"),
        ];
        let narrow = portfolio(&rows, Lang::Sv, Some(80));
        assert!(!narrow.contains("p/sprakstod"), "{narrow}");
        assert!(
            narrow.contains("2026-05-12"),
            "a date stays on one line:\n{narrow}"
        );
        // Two of the same name are told apart by their paths.
        let wide = portfolio(&rows, Lang::Sv, Some(120));
        assert!(
            wide.contains("Prov (p/a/prov)") && wide.contains("Prov (p/b/prov)"),
            "{wide}"
        );
        assert!(wide.contains("arbetsplatsen i Ålby"), "{wide}");
        // Piped: every row with its path, for scripts.
        let piped = portfolio(&rows, Lang::Sv, None);
        assert!(
            piped.contains("Språkstöd på arbetsplatsen i Ålby (p/sprakstod)"),
            "{piped}"
        );
    }
}
