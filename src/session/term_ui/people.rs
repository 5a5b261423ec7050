//! Who leads and who takes part, at a terminal: the facilitator, the
//! roster carried from the log with those last present ticked, and anyone
//! new, their name and role asked separately.

use anyhow::Result;
use dialoguer::MultiSelect;

use super::{TermUi, shown};
use crate::log::Participant;
use crate::session::People;
use crate::state::roster::{key, split_typed};
use crate::text::terminal_md;
use crate::tr;

/// The people of this session, starting from `default`: the facilitator,
/// then everyone on the roster to tick (those present last time ticked),
/// then anyone new. Leaving someone out of a session keeps them on the
/// roster.
pub(super) fn ask(ui: &TermUi, default: &People) -> Result<People> {
    let lang = ui.lang;
    let suggested = terminal_md::visible(&default.facilitator);
    let facilitator = match text(
        ui,
        lang.pick("Processledare", "Facilitator"),
        lang.pick("(Esc: som förslaget)", "(Esc: as suggested)"),
        &suggested,
    )? {
        Some(typed) => typed,
        None => ui.as_suggested(suggested)?,
    };
    let facilitator = facilitator.trim().to_string();
    let offered = offered(default, &facilitator);
    let mut participants = if offered.is_empty() {
        Vec::new()
    } else {
        tick(ui, &offered, &default.participants)?
    };
    while let Some(person) = newcomer(ui)? {
        if !participants
            .iter()
            .any(|p| key(&p.name) == key(&person.name))
        {
            participants.push(person);
        }
    }
    Ok(People {
        facilitator,
        participants,
        roster: default.roster.clone(),
        decider: default.decider.clone(),
    })
}

/// Who is offered to tick: the roster, and anyone last present who is not
/// on it, each once, the facilitator left out.
fn offered(default: &People, facilitator: &str) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    for p in default.roster.iter().chain(&default.participants) {
        let k = key(&p.name);
        if !k.is_empty() && k != key(facilitator) && !out.iter().any(|o| key(&o.name) == k) {
            out.push(p.clone());
        }
    }
    out
}

/// The roster to tick, those present last time ticked; Esc keeps them.
fn tick(ui: &TermUi, offered: &[Participant], last: &[Participant]) -> Result<Vec<Participant>> {
    let lang = ui.lang;
    let ticked: Vec<bool> = offered
        .iter()
        .map(|o| last.iter().any(|p| key(&p.name) == key(&o.name)))
        .collect();
    let names: Vec<String> = offered.iter().map(shown).collect();
    let chosen = MultiSelect::with_theme(&*ui.theme)
        .with_prompt(lang.pick(
            "Vilka är med i dag? (mellanslag väljer, Enter går vidare)",
            "Who is here today? (space ticks, Enter goes on)",
        ))
        .items(&names)
        .defaults(&ticked)
        .interact_opt()?;
    let chosen: Vec<usize> = match chosen {
        Some(chosen) => chosen,
        None => (0..offered.len()).filter(|&i| ticked[i]).collect(),
    };
    Ok(chosen.into_iter().map(|i| offered[i].clone()).collect())
}

/// Someone new: a name, then a role; a name typed with a comma is offered
/// split into both. `None` on an empty name: everyone is in.
fn newcomer(ui: &TermUi) -> Result<Option<Participant>> {
    let lang = ui.lang;
    let prompt = lang.pick(
        "Deltagare: namn (tom rad när alla är med)",
        "Participant: name (an empty line when everyone is in)",
    );
    let everyone = lang.pick("(Esc: alla är med)", "(Esc: everyone is in)");
    let name = text(ui, prompt, everyone, "")?.unwrap_or_default();
    let name = name.trim();
    if name.is_empty() {
        return Ok(None);
    }
    if let Some((just_name, role)) = split_typed(name) {
        let split = ui.confirm(
            &tr!(
                lang,
                "Dela upp i namnet ”{}” och rollen ”{}”?",
                "Split it into the name “{}” and the role “{}”?",
                terminal_md::visible(&just_name),
                terminal_md::visible(&role)
            ),
            true,
        )?;
        if split {
            return Ok(Some(Participant {
                name: just_name,
                role: Some(role),
            }));
        }
    }
    let role = text(
        ui,
        &tr!(
            lang,
            "Roll för {} (valfri)",
            "Role of {} (optional)",
            terminal_md::visible(name)
        ),
        lang.pick("(Esc: ingen roll)", "(Esc: no role)"),
        "",
    )?
    .unwrap_or_default();
    Ok(Some(Participant {
        name: name.to_string(),
        role: Some(role.trim().to_string()).filter(|r| !r.is_empty()),
    }))
}

/// One line typed in the line editor, `initial` offered to edit (taken
/// from the log and shown without escapes by the caller); `None` on Esc,
/// whose meaning `hint` says.
fn text(ui: &TermUi, prompt: &str, hint: &str, initial: &str) -> Result<Option<String>> {
    ui.typed(prompt, hint, initial, &|_| Ok(()))
}
