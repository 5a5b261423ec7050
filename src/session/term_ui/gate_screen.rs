//! The gate screen for the room, fitted to a projector's 80×24: the gate's
//! title, the pack's help, the diagnostic's verdict, the open risks, the
//! overdue actions and the criteria, cut so that the title is still on
//! screen when the decision is asked; each choice with what it leads to;
//! and, when the room decides later, how to.

use anyhow::Result;
use console::style;
use dialoguer::Select;

use super::TermUi;
use crate::i18n::Lang;
use crate::pack::Decision;
use crate::session::GateAsk;
use crate::session::gate_room::{GateRoom, OpenRisk};
use crate::state::follow_up::Due;
use crate::text::terminal_md;
use crate::tr;

/// The most risks or overdue actions listed, however roomy the terminal.
const MOST_LISTED: usize = 5;
/// How many of each are listed before the help gets any room.
const FEW_LISTED: usize = 3;

/// Draws the screen and asks the decision. `None` when the room decides
/// later, by its choice or by Esc.
pub(super) fn decide(ui: &TermUi, ask: &GateAsk<'_>) -> Result<Option<Decision>> {
    let labels = choices(&ask.room, ui.lang);
    let size = ui.term.size_checked();
    let width = size.map_or(80, |(_, cols)| usize::from(cols));
    // The question's line, its choices and the line the cursor is left on.
    let rows = size.map(|(rows, _)| usize::from(rows).saturating_sub(labels.len() + 2));
    for line in screen(ask, ui.lang, width, rows) {
        ui.say(&line)?;
    }
    let chosen = Select::with_theme(&*ui.theme)
        .with_prompt(ui.lang.pick("Vad beslutar ni?", "What do you decide?"))
        .items(&labels)
        .default(0)
        .interact_opt()?;
    Ok(chosen.and_then(|i| Decision::ALL.get(i).copied()))
}

/// Says that nothing was decided, what was kept, and the commands that
/// decide later, naming dino as it was started.
pub(super) fn later(ui: &TermUi, ask: &GateAsk<'_>) -> Result<()> {
    let width = ui.term.size_checked().map_or(80, |(_, c)| usize::from(c));
    let message = later_message(ask, ui.lang);
    ui.say(&textwrap::fill(
        &crate::started::in_hints(&message),
        width.clamp(20, 100),
    ))
}

/// The decisions, each with what it leads to, and deciding later last.
fn choices(room: &GateRoom, ui: Lang) -> Vec<String> {
    let mut labels: Vec<String> = Decision::ALL
        .iter()
        .map(|d| format!("{} — {}", d.label(ui), leads_to(*d, room.last_phase, ui)))
        .collect();
    labels.push(
        ui.pick(
            "Besluta senare — inget beslut skrivs nu",
            "Decide later — no decision is written now",
        )
        .to_string(),
    );
    labels
}

/// What a decision does to the project (docs/log-format.md, the state).
fn leads_to(decision: Decision, last_phase: bool, ui: Lang) -> &'static str {
    match decision {
        Decision::Go if last_phase => ui.pick(
            "beslutspunkten passeras; projektet är klart",
            "the gate is passed; the project is finished",
        ),
        Decision::Go => ui.pick(
            "beslutspunkten passeras; nästa fas blir aktuell",
            "the gate is passed; the next phase becomes current",
        ),
        Decision::Recycle => ui.pick(
            "fasen arbetas om; villkor kan sättas",
            "the phase is worked on again; conditions may be set",
        ),
        Decision::Pause => ui.pick(
            "projektet vilar i fasen tills ni arbetar i den igen",
            "the project rests in the phase until you work on it again",
        ),
        Decision::Stop => ui.pick(
            "projektet avslutas här; senare faser öppnas inte",
            "the project ends here; later phases are not opened",
        ),
    }
}

/// Nothing decided: what is kept, and how to decide later.
fn later_message(ask: &GateAsk<'_>, ui: Lang) -> String {
    let phase = &ask.phase.id;
    let kept = match ask.room.after_session {
        true => ui.pick(
            "Inget beslut fattades. Sessionens post är skriven; beslutet väntar.",
            "No decision was taken. The session's entry is written; the decision waits.",
        ),
        false => ui.pick(
            "Inget beslut fattades, och ingen beslutspost skrevs.",
            "No decision was taken, and no gate entry was written.",
        ),
    };
    let how = tr!(
        ui,
        "Besluta senare med `dino gate {phase}` vid en terminal, eller `dino gate {phase} --decision fortsätt|gör-om|pausa|avsluta --why \"…\"` (se `dino gate --help`).",
        "Decide later with `dino gate {phase}` at a terminal, or `dino gate {phase} --decision go|recycle|pause|stop --why \"…\"` (see `dino gate --help`)."
    );
    format!("{kept} {how}")
}

/// The screen's lines above the question, `width` wide, in at most `rows`
/// rows when that many are known (the title and the criteria are always
/// shown).
fn screen(ask: &GateAsk<'_>, ui: Lang, width: usize, rows: Option<usize>) -> Vec<String> {
    let parts = Parts::of(ask, ui, width);
    let fit = parts.fit(rows.unwrap_or(usize::MAX));
    parts.lines(&fit)
}

/// The screen's parts, each wrapped to the width.
struct Parts {
    title: Vec<String>,
    help: Vec<String>,
    /// Shown when the help is cut: where to read all of it.
    help_cut: String,
    verdict_short: Vec<String>,
    verdict_full: Vec<String>,
    risks: Listed,
    overdue: Listed,
    criteria: Vec<String>,
}

/// How much of each part fits.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Fit {
    /// How many of the help's lines; with the line that says where the
    /// rest is when fewer than all.
    help: usize,
    verdict_full: bool,
    risks: usize,
    overdue: usize,
}

/// A list that may be cut: a header, each item's lines, "and N more".
struct Listed {
    header: String,
    /// Said instead when the list is empty.
    none: String,
    items: Vec<Vec<String>>,
    more: fn(usize, Lang) -> String,
    lang: Lang,
}

impl Listed {
    fn lines(&self, shown: usize) -> Vec<String> {
        if self.items.is_empty() {
            return vec![self.none.clone()];
        }
        let shown = shown.min(self.items.len());
        let mut out = vec![style(&self.header).bold().to_string()];
        out.extend(self.items[..shown].iter().flatten().cloned());
        if shown < self.items.len() {
            out.push((self.more)(self.items.len() - shown, self.lang));
        }
        out
    }
}

impl Parts {
    fn of(ask: &GateAsk<'_>, ui: Lang, width: usize) -> Parts {
        // As wide as the help's Markdown is drawn: lines a room can read.
        let width = width.min(100);
        let room = &ask.room;
        let title = tr!(
            ui,
            "Beslutspunkt: {}",
            "Gate: {}",
            ask.phase.title.get(ask.lang)
        );
        let help = room.help.as_deref().map_or_else(Vec::new, |h| {
            let text = terminal_md::render(h, width);
            text.trim_end().lines().map(str::to_string).collect()
        });
        let verdict = |pick: fn(&crate::session::gate_room::Verdict) -> &String| {
            room.verdict.as_ref().map_or_else(Vec::new, |v| {
                wrapped(&terminal_md::visible(pick(v)), "", width)
            })
        };
        let criteria = if ask.phase.gate.criteria.is_empty() {
            Vec::new()
        } else {
            let mut lines = vec![style(ui.pick("Kriterier:", "Criteria:")).bold().to_string()];
            for c in &ask.phase.gate.criteria {
                lines.extend(bullet(c.text.get(ask.lang), width));
            }
            lines
        };
        Parts {
            title: vec![String::new(), style(title).bold().to_string()],
            help,
            help_cut: crate::started::in_hints(ui.pick(
                "  … hela hjälpen: `dino pack doc`",
                "  … all of the help: `dino pack doc`",
            ))
            .into_owned(),
            verdict_short: verdict(|v| &v.short),
            verdict_full: verdict(|v| &v.full),
            risks: risks(&room.risks, ui, width),
            overdue: overdue(&room.overdue, room, ui, width),
            criteria,
        }
    }

    /// What fits in `rows`: the title, the criteria, the verdict and one
    /// of each list first; then up to three of each list, the verdict's
    /// counts, the help (cut to the rows left), and up to five of each.
    fn fit(&self, rows: usize) -> Fit {
        let mut fit = Fit {
            help: 0,
            verdict_full: false,
            risks: 1,
            overdue: 1,
        };
        if self.height(&fit) > rows {
            fit.risks = 0;
            fit.overdue = 0;
            return fit;
        }
        self.grow_lists(&mut fit, FEW_LISTED, rows);
        let full = Fit {
            verdict_full: true,
            ..fit.clone()
        };
        if self.height(&full) <= rows {
            fit = full;
        }
        // With no help shown, the line that says where it is counts already.
        let left = rows.saturating_sub(self.height(&fit));
        fit.help = if self.help.len() <= left + 1 {
            self.help.len()
        } else {
            left
        };
        self.grow_lists(&mut fit, MOST_LISTED, rows);
        fit
    }

    /// Lists one more item of each list in turn, up to `most` each, while
    /// it fits in `rows`.
    fn grow_lists(&self, fit: &mut Fit, most: usize, rows: usize) {
        loop {
            let before = fit.clone();
            for which in [0, 1] {
                let mut more = fit.clone();
                let n = if which == 0 {
                    &mut more.risks
                } else {
                    &mut more.overdue
                };
                let len = if which == 0 {
                    &self.risks
                } else {
                    &self.overdue
                }
                .items
                .len();
                if *n < most.min(len) {
                    *n += 1;
                    if self.height(&more) <= rows {
                        *fit = more;
                    }
                }
            }
            if *fit == before {
                return;
            }
        }
    }

    fn height(&self, fit: &Fit) -> usize {
        self.lines(fit).len()
    }

    fn lines(&self, fit: &Fit) -> Vec<String> {
        let mut out = self.title.clone();
        out.extend(self.help.iter().take(fit.help).cloned());
        if fit.help < self.help.len() {
            out.push(self.help_cut.clone());
        }
        out.extend(match fit.verdict_full {
            true => self.verdict_full.clone(),
            false => self.verdict_short.clone(),
        });
        out.extend(self.risks.lines(fit.risks));
        out.extend(self.overdue.lines(fit.overdue));
        out.extend(self.criteria.iter().cloned());
        out
    }
}

/// The open risks: each one's text, owner and due day.
fn risks(risks: &[OpenRisk], ui: Lang, width: usize) -> Listed {
    let items = risks
        .iter()
        .map(|r| {
            let owner = owner_or_none(r.owner.as_deref(), ui);
            let due = r
                .due
                .map_or(String::new(), |d| tr!(ui, ", senast {d}", ", due {d}"));
            bullet(&format!("{} — {owner}{due}", r.text), width)
        })
        .collect();
    Listed {
        header: tr!(ui, "Öppna risker ({}):", "Open risks ({}):", risks.len()),
        none: ui
            .pick("Öppna risker: inga.", "Open risks: none.")
            .to_string(),
        items,
        more,
        lang: ui,
    }
}

/// The actions overdue on the session's day: each one's text, owner and
/// due day.
fn overdue(overdue: &[Due], room: &GateRoom, ui: Lang, width: usize) -> Listed {
    let items = overdue
        .iter()
        .map(|d| {
            let owner = owner_or_none(d.owner.as_deref(), ui);
            let day = d.day;
            bullet(
                &tr!(
                    ui,
                    "{} — {owner}, senast {day}",
                    "{} — {owner}, due {day}",
                    d.text
                ),
                width,
            )
        })
        .collect();
    let today = room.today.map_or(String::new(), |d| d.to_string());
    Listed {
        header: tr!(
            ui,
            "Försenade åtgärder per {today} ({}):",
            "Actions overdue on {today} ({}):",
            overdue.len()
        ),
        none: tr!(
            ui,
            "Försenade åtgärder per {today}: inga.",
            "Actions overdue on {today}: none."
        ),
        items,
        more,
        lang: ui,
    }
}

/// Who sees to it, or that nobody does.
fn owner_or_none(owner: Option<&str>, ui: Lang) -> String {
    owner.map_or_else(
        || ui.pick("ingen ägare", "no owner").to_string(),
        str::to_string,
    )
}

/// The line under a cut list.
fn more(hidden: usize, ui: Lang) -> String {
    tr!(ui, "  … och {hidden} till", "  … and {hidden} more")
}

/// `text` (made visible) as a bullet, wrapped under itself.
fn bullet(text: &str, width: usize) -> Vec<String> {
    wrapped(&terminal_md::visible(text), "  • ", width)
}

/// `text` wrapped to `width`, the first line after `first` and the others
/// as far in.
fn wrapped(text: &str, first: &str, width: usize) -> Vec<String> {
    let rest = " ".repeat(first.chars().count());
    let options = textwrap::Options::new(width.max(20))
        .initial_indent(first)
        .subsequent_indent(&rest);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Pack;
    use crate::session::People;
    use crate::session::gate_room::Verdict;

    fn pack() -> Pack {
        crate::pack::builtin::load_named("dino", Lang::En).expect("the built-in pack")
    }

    fn risk(n: usize) -> OpenRisk {
        OpenRisk {
            id: format!("r{n}"),
            text: format!("Risk number {n} with a text of some length."),
            owner: Some("Eva Ström".into()),
            due: Some("2026-04-01".parse().expect("day")),
        }
    }

    fn action(n: usize) -> Due {
        Due {
            kind: crate::state::follow_up::DueKind::Action,
            id: format!("a{n}"),
            text: format!("Action number {n}."),
            owner: None,
            day: "2026-02-20".parse().expect("day"),
            phase: None,
            overdue: true,
        }
    }

    /// The first phase's gate with its help, a verdict, `risks` open risks
    /// and `overdue` actions overdue.
    fn room(pack: &Pack, risks: usize, overdue: usize) -> GateRoom {
        let phase = &pack.phases[0];
        GateRoom {
            help: phase.gate.help.as_ref().map(|h| h.get(Lang::En).to_string()),
            verdict: Some(Verdict {
                short: "Innovation or operational development? — The answers lean towards innovation.".into(),
                full: "Innovation or operational development? — The answers lean towards innovation. (4 of 4 questions answered: 4 towards innovation, 0 towards operational development.) The team's choice (Which track): Innovation.".into(),
            }),
            risks: (1..=risks).map(risk).collect(),
            overdue: (1..=overdue).map(action).collect(),
            today: Some("2026-03-02".parse().expect("day")),
            last_phase: false,
            after_session: true,
        }
    }

    fn drawn(pack: &Pack, room: GateRoom, size: (usize, usize)) -> Vec<String> {
        drawn_in(pack, room, size, Lang::En)
    }

    fn drawn_in(
        pack: &Pack,
        room: GateRoom,
        (cols, rows): (usize, usize),
        ui: Lang,
    ) -> Vec<String> {
        let people = People {
            facilitator: "Anna Lind".into(),
            participants: Vec::new(),
            roster: Vec::new(),
            decider: String::new(),
        };
        let ask = GateAsk {
            phase: &pack.phases[0],
            people: &people,
            deferred: Vec::new(),
            lang: Lang::En,
            room,
        };
        let rows = rows - choices(&ask.room, ui).len() - 2;
        screen(&ask, ui, cols, Some(rows))
            .iter()
            .map(|l| console::strip_ansi_codes(l).into_owned())
            .collect()
    }

    fn has(lines: &[String], text: &str) -> bool {
        lines.iter().any(|l| l.contains(text))
    }

    #[test]
    fn at_80_by_24_the_lists_and_criteria_fit_and_the_help_is_cut_first() {
        let pack = pack();
        let lines = drawn(&pack, room(&pack, 6, 4), (80, 24));
        assert!(lines.len() <= 24 - 7, "{lines:#?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 80), "{lines:#?}");
        assert_eq!(lines[1], "Gate: Initiation");
        assert!(has(&lines, "Risk number 1"), "{lines:#?}");
        assert!(has(&lines, "Action number 1"), "{lines:#?}");
        assert!(has(&lines, "Criteria:"), "{lines:#?}");
        assert!(
            has(&lines, "The answers lean towards innovation"),
            "{lines:#?}"
        );
        assert!(has(&lines, "more"), "{lines:#?}");
        assert!(!has(&lines, "Risk number 6"), "{lines:#?}");
        assert!(
            has(&lines, "all of the help: `dino pack doc`"),
            "{lines:#?}"
        );
    }

    #[test]
    fn at_120_by_40_the_help_and_the_verdicts_counts_are_shown_whole() {
        let pack = pack();
        let lines = drawn(&pack, room(&pack, 2, 1), (120, 40));
        assert!(lines.len() <= 40 - 7, "{lines:#?}");
        assert!(has(&lines, "Write down the reasons."), "{lines:#?}");
        assert!(!has(&lines, "all of the help"), "{lines:#?}");
        assert!(
            has(&lines, "operational development.) The team's choice"),
            "{lines:#?}"
        );
        assert!(has(&lines, "Open risks (2):"), "{lines:#?}");
        assert!(
            has(
                &lines,
                "  • Risk number 2 with a text of some length. — Eva Ström, due 2026-04-01"
            ),
            "{lines:#?}"
        );
        assert!(
            has(&lines, "  • Action number 1. — no owner, due 2026-02-20"),
            "{lines:#?}"
        );
        assert!(
            has(&lines, "Actions overdue on 2026-03-02 (1):"),
            "{lines:#?}"
        );
        assert!(!has(&lines, "more"), "{lines:#?}");
    }

    #[test]
    fn nothing_open_is_said_in_a_line_each() {
        let pack = pack();
        let lines = drawn(&pack, room(&pack, 0, 0), (120, 40));
        assert!(has(&lines, "Open risks: none."), "{lines:#?}");
        assert!(
            has(&lines, "Actions overdue on 2026-03-02: none."),
            "{lines:#?}"
        );
    }

    #[test]
    fn in_swedish_each_list_says_what_it_holds() {
        let pack = pack();
        let lines = drawn_in(&pack, room(&pack, 1, 1), (80, 24), Lang::Sv);
        assert_eq!(lines[1], "Beslutspunkt: Initiation");
        assert!(has(&lines, "Öppna risker (1):"), "{lines:#?}");
        assert!(has(&lines, "— Eva Ström, senast 2026-04-01"), "{lines:#?}");
        assert!(
            has(&lines, "Försenade åtgärder per 2026-03-02 (1):"),
            "{lines:#?}"
        );
        assert!(
            has(
                &lines,
                "  • Action number 1. — ingen ägare, senast 2026-02-20"
            ),
            "{lines:#?}"
        );
        assert!(has(&lines, "Kriterier:"), "{lines:#?}");
        let lines = drawn_in(&pack, room(&pack, 0, 0), (80, 24), Lang::Sv);
        assert!(has(&lines, "Öppna risker: inga."), "{lines:#?}");
        assert!(
            has(&lines, "Försenade åtgärder per 2026-03-02: inga."),
            "{lines:#?}"
        );
    }

    #[test]
    fn a_screen_too_small_for_everything_keeps_the_title_and_the_criteria() {
        let pack = pack();
        let lines = drawn(&pack, room(&pack, 9, 9), (40, 16));
        assert_eq!(lines[1], "Gate: Initiation");
        assert!(has(&lines, "Criteria:"), "{lines:#?}");
        assert!(has(&lines, "Open risks (9):"), "{lines:#?}");
        assert!(!has(&lines, "Risk number 1"), "{lines:#?}");
    }

    #[test]
    fn each_choice_says_what_it_leads_to_and_deciding_later_says_how() {
        let pack = pack();
        let mut room = room(&pack, 0, 0);
        let labels = choices(&room, Lang::En);
        assert_eq!(labels.len(), Decision::ALL.len() + 1);
        assert_eq!(
            labels[0],
            "Go on — the gate is passed; the next phase becomes current"
        );
        assert!(labels[4].starts_with("Decide later — "));
        assert!(
            labels.iter().all(|l| l.chars().count() <= 76),
            "{labels:#?}"
        );
        room.last_phase = true;
        assert!(choices(&room, Lang::Sv)[0].ends_with("projektet är klart"));
        let people = People {
            facilitator: "Anna Lind".into(),
            participants: Vec::new(),
            roster: Vec::new(),
            decider: String::new(),
        };
        let mut ask = GateAsk {
            phase: &pack.phases[0],
            people: &people,
            deferred: Vec::new(),
            lang: Lang::En,
            room,
        };
        let said = later_message(&ask, Lang::En);
        assert!(said.contains("The session's entry is written"), "{said}");
        assert!(said.contains("`dino gate initiering`"), "{said}");
        assert!(
            said.contains("`dino gate initiering --decision go|recycle|pause|stop"),
            "{said}"
        );
        ask.room.after_session = false;
        let said = later_message(&ask, Lang::Sv);
        assert!(said.contains("ingen beslutspost skrevs"), "{said}");
        assert!(
            said.contains("--decision fortsätt|gör-om|pausa|avsluta"),
            "{said}"
        );
    }
}
