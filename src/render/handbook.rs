//! The facilitator's handbook (`dino pack doc`): the whole pack as one
//! printable Markdown document: every phase with its purpose and guidance,
//! every item with its help and when it applies, the gate, the profile,
//! the readiness self-assessment and the diagnostic.

use std::fmt::Write as _;

use super::condition_words::describe;
use crate::i18n::Lang;
use crate::pack::{Decision, Item, Kind, Lean, Pack, Phase};
use crate::text::markdown::{code, escape};

/// The handbook in Markdown.
pub fn markdown(pack: &Pack, lang: Lang) -> String {
    let lang = pack.lang_for(lang);
    let mut out = String::new();
    introduction(&mut out, pack, lang);
    phase_list(&mut out, pack, lang);
    profile(&mut out, pack, lang);
    diagnostic(&mut out, pack, lang);
    readiness(&mut out, pack, lang);
    for (n, phase) in pack.phases.iter().enumerate() {
        phase_section(&mut out, pack, n, phase, lang);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `markdown` with its headings moved up or down together so that the
/// highest stands at level 2, under the handbook's title: a description
/// whose sections start at `###` would otherwise skip a level. Only ATX
/// headings (`## …`) are moved; anything else is kept as written.
fn headings_from_two(markdown: &str) -> String {
    let levels: Vec<(std::ops::Range<usize>, usize)> =
        pulldown_cmark::Parser::new_ext(markdown, crate::text::html::markdown_options())
            .into_offset_iter()
            .filter_map(|(event, range)| match event {
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { level, .. }) => {
                    Some((range, level as usize))
                }
                _ => None,
            })
            .filter(|(range, level)| markdown[range.start..].starts_with(&"#".repeat(*level)))
            .collect();
    let Some(top) = levels.iter().map(|(_, level)| *level).min() else {
        return markdown.to_string();
    };
    let mut out = String::with_capacity(markdown.len());
    let mut from = 0;
    for (range, level) in levels {
        let moved = (level + 2).saturating_sub(top).min(6);
        out.push_str(&markdown[from..range.start]);
        out.push_str(&"#".repeat(moved));
        from = range.start + level;
    }
    out.push_str(&markdown[from..]);
    out
}

/// The title, the pack and its version, its description, and how the
/// handbook is laid out.
fn introduction(out: &mut String, pack: &Pack, lang: Lang) {
    let title = escape(pack.title.get(lang));
    let _ = writeln!(
        out,
        "# {title}: {}\n",
        lang.pick("handbok för processledare", "a facilitator's handbook")
    );
    let (id, version) = (code(&pack.id), escape(&pack.version));
    let _ = writeln!(
        out,
        "{}\n",
        crate::tr!(
            lang,
            "*Metodpaket {id}, version {version}.*",
            "*Method pack {id}, version {version}.*"
        )
    );
    if let Some(description) = &pack.description {
        let _ = writeln!(out, "{}\n", headings_from_two(description.get(lang).trim()));
    }
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick(
            "Handboken följer projektets faser i ordning. För varje fas finns syftet, en vägledning att läsa högt när arbetsmötet börjar, punkterna som ska besvaras och beslutspunkten som avslutar fasen. Punkter med ett villkor gäller bara när villkoret är uppfyllt, så checklistan anpassar sig efter projektet.",
            "The handbook follows the project's phases in order. Each phase has its purpose, guidance to read aloud when the workshop starts, the items to answer and the gate that ends the phase. Items with a condition apply only when it holds, so the checklist adapts to the project."
        )
    );
}

/// The phases, numbered.
fn phase_list(out: &mut String, pack: &Pack, lang: Lang) {
    let _ = writeln!(out, "## {}\n", lang.pick("Faserna", "The phases"));
    for (n, phase) in pack.phases.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", n + 1, escape(phase.title.get(lang)));
    }
    out.push('\n');
}

/// The profile questions, if the pack has any.
fn profile(out: &mut String, pack: &Pack, lang: Lang) {
    if pack.profile.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {}\n",
        lang.pick("Projektprofil", "Project profile")
    );
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick(
            "Profilfrågorna besvaras när arbetsboken skapas och ses över vid varje beslutspunkt; en ändring skrivs som en post i loggen (`dino profile`). Svaren styr vilka punkter som gäller i faserna.",
            "The profile questions are answered when the workbook is made and reviewed at each gate; a change is written as an entry in the log (`dino profile`). The answers decide which items apply in the phases."
        )
    );
    items(out, pack, &pack.profile, lang, true);
    terms(out, pack, lang);
}

/// The words that depend on the profile, each with its words by answer.
fn terms(out: &mut String, pack: &Pack, lang: Lang) {
    if pack.terms.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick(
            "Ord i texterna som beror på profilen (här står förvalet):",
            "Words in the texts that depend on the profile (the default stands here):"
        )
    );
    for term in &pack.terms {
        // Each option by its label, in the question's own order.
        let question = pack.profile.iter().find(|i| i.id == term.by);
        let options = question.map_or(&[][..], |q| q.kind.options());
        let by_option = options.iter().filter_map(|option| {
            let (_, words) = term.values.iter().find(|(id, _)| *id == option.id)?;
            Some(format!(
                "{}: {}",
                escape(option.label.get(lang)),
                escape(words.get(lang))
            ))
        });
        let words: Vec<String> = std::iter::once(format!(
            "{} {}",
            escape(term.default.get(lang)),
            lang.pick("(förval)", "(default)")
        ))
        .chain(by_option)
        .collect();
        let _ = writeln!(out, "- `{}` ({}): {}", term.id, term.by, words.join("; "));
    }
    out.push('\n');
}

/// The diagnostic: each question, and which answers lean which way.
fn diagnostic(out: &mut String, pack: &Pack, lang: Lang) {
    let Some(diagnostic) = &pack.diagnostic else {
        return;
    };
    let _ = writeln!(out, "## {}\n", escape(diagnostic.title.get(lang)));
    if let Some(intro) = &diagnostic.intro {
        let _ = writeln!(out, "{}\n", intro.get(lang).trim());
    }
    for name in &diagnostic.items {
        let Some(item) = pack.item(name) else {
            continue;
        };
        let leaning = |lean: Lean| {
            item.kind
                .options()
                .iter()
                .filter(|o| o.lean == Some(lean))
                .map(|o| lang.quote(&escape(o.label.get(lang))))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (innovation, development) = (leaning(Lean::Innovation), leaning(Lean::Development));
        let _ = writeln!(out, "- {}", escape(item.prompt.get(lang)));
        if !innovation.is_empty() {
            let _ = writeln!(
                out,
                "  - {} {innovation}",
                lang.pick("Innovation:", "Innovation:")
            );
        }
        if !development.is_empty() {
            let _ = writeln!(
                out,
                "  - {} {development}",
                lang.pick("Verksamhetsutveckling:", "Operational development:")
            );
        }
    }
    out.push('\n');
}

/// The readiness self-assessment: its scale, lines and statements.
fn readiness(out: &mut String, pack: &Pack, lang: Lang) {
    let Some(readiness) = &pack.readiness else {
        return;
    };
    let _ = writeln!(out, "## {}\n", escape(readiness.title.get(lang)));
    if let Some(intro) = &readiness.intro {
        let _ = writeln!(out, "{}\n", intro.get(lang).trim());
    }
    let scale = &readiness.scale;
    let (lo, hi, risk, watch) = (
        scale.min,
        scale.max,
        crate::i18n::one_decimal(readiness.risk_below, lang),
        crate::i18n::one_decimal(readiness.watch_below, lang),
    );
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(
            lang,
            "Varje påstående besvaras från {lo} till {hi}. En dimensions poäng är medelvärdet av dess påståenden; under {risk} är den en risk att hantera, under {watch} något att bevaka.",
            "Each statement is answered from {lo} to {hi}. A dimension's score is the mean of its statements; below {risk} it is a risk to deal with, below {watch} something to watch."
        )
    );
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "När flera svarar var för sig visas också skillnaden mellan svaren: avståndet mellan den högsta och den lägsta svarandes medelvärde.",
            "When several answer on their own, the spread is shown too: the distance between the highest and the lowest respondent's mean."
        )
    );
    if readiness.dont_know {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Den som inte vet svarar ”vet ej”, som inte räknas in.",
                "Anyone who does not know answers “don't know”, which is not scored."
            )
        );
    }
    out.push('\n');
    for (point, label) in &scale.labels {
        let _ = writeln!(out, "- {point}: {}", escape(label.get(lang)));
    }
    if !scale.labels.is_empty() {
        out.push('\n');
    }
    let at: Vec<String> = readiness
        .phases
        .iter()
        .filter_map(|id| pack.phase(id))
        .map(|p| escape(p.title.get(lang)))
        .collect();
    if !at.is_empty() {
        let at = at.join(", ");
        let _ = writeln!(
            out,
            "{}\n",
            crate::tr!(lang, "Görs i faserna: {at}.", "Run in the phases: {at}.")
        );
    }
    for dimension in &readiness.dimensions {
        let _ = writeln!(out, "### {}\n", escape(dimension.title.get(lang)));
        for statement in &dimension.statements {
            let _ = writeln!(out, "- {}", escape(statement.text.get(lang)));
        }
        out.push('\n');
    }
}

fn phase_section(out: &mut String, pack: &Pack, n: usize, phase: &Phase, lang: Lang) {
    let _ = writeln!(out, "## {}. {}\n", n + 1, escape(phase.title.get(lang)));
    let _ = writeln!(
        out,
        "**{}** {}\n",
        lang.pick("Syfte:", "Purpose:"),
        phase.purpose.get(lang).trim()
    );
    let _ = writeln!(out, "{}\n", phase.guidance.get(lang).trim());
    let _ = writeln!(out, "### {}\n", lang.pick("Punkter", "Items"));
    items(out, pack, &phase.items, lang, false);
    let _ = writeln!(out, "### {}\n", lang.pick("Beslutspunkt", "Gate"));
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick("Fasen kan avslutas när:", "The phase can close when:")
    );
    let _ = writeln!(
        out,
        "- {}",
        lang.pick(
            "alla krävda punkter som gäller är besvarade, avbockade eller markerade som ej tillämpliga med ett skäl;",
            "every applicable required item is answered, ticked, or marked not applicable with a reason;"
        )
    );
    for criterion in &phase.gate.criteria {
        let when = criterion.when.as_ref().map_or_else(String::new, |when| {
            format!(
                " ({} {})",
                lang.pick("gäller när", "applies when"),
                escape(&describe(when, pack, lang))
            )
        });
        let _ = writeln!(out, "- {}{when}", escape(criterion.text.get(lang)));
    }
    out.push('\n');
    let decisions: Vec<String> = Decision::ALL
        .iter()
        .map(|d| format!("**{}**", d.label(lang)))
        .collect();
    let decisions = decisions.join(", ");
    let _ = writeln!(
        out,
        "{}\n",
        crate::tr!(
            lang,
            "Beslutet är ett av {decisions}, med vem som beslutade, varför och när. Att avsluta är ett giltigt utfall som loggas som alla andra.",
            "The decision is one of {decisions}, with who decided, why and when. Stopping is a legitimate outcome, logged like any other."
        )
    );
    if let Some(help) = &phase.gate.help {
        let _ = writeln!(out, "{}\n", help.get(lang).trim());
    }
}

/// The items of a phase, or the profile's questions (`profile`).
fn items(out: &mut String, pack: &Pack, items: &[Item], lang: Lang, profile: bool) {
    for (n, item) in items.iter().enumerate() {
        let _ = writeln!(out, "**{}. {}**\n", n + 1, escape(item.prompt.get(lang)));
        let required = if item.required {
            lang.pick("krävs", "required")
        } else {
            lang.pick("frivillig", "optional")
        };
        let form = match item.kind {
            Kind::Check if profile => lang.pick("Ja eller nej", "Yes or no").to_string(),
            _ => answer_form(item, lang),
        };
        let _ = writeln!(out, "{form} · {required} · {}\n", code(&item.id));
        if let Some(when) = &item.when {
            let words = escape(&describe(when, pack, lang));
            let _ = writeln!(
                out,
                "{} {words} ({})\n",
                lang.pick("*Gäller när:*", "*Applies when:*"),
                code(&when.source)
            );
        }
        if let Some(help) = &item.help {
            let _ = writeln!(out, "{}\n", help.get(lang).trim());
        }
    }
}

/// How the item is answered, in words.
fn answer_form(item: &Item, lang: Lang) -> String {
    let labels = |sep: &str| {
        item.kind
            .options()
            .iter()
            .map(|o| escape(o.label.get(lang)))
            .collect::<Vec<_>>()
            .join(sep)
    };
    match &item.kind {
        Kind::Check => lang
            .pick(
                "Kryssruta: gjort, inte gjort eller ej tillämplig",
                "Check: done, not done, or not applicable",
            )
            .into(),
        Kind::Text { long: true } => lang
            .pick("Fritext, gärna utförlig", "Free text, at length")
            .into(),
        Kind::Text { long: false } => lang.pick("Kort text", "Short text").into(),
        Kind::Date => lang.pick("Datum (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)").into(),
        Kind::Indicator { .. } => lang
            .pick(
                "Indikator: namn, enhet, utgångsläge (värde, datum, källa), mål (värde, datum) och ansvarig",
                "Indicator: name, unit, baseline (value, date, source), target (value, date) and owner",
            )
            .into(),
        Kind::Measurement { indicator, .. } => crate::tr!(
            lang,
            "Mätning av `{indicator}`: värde, datum och källa",
            "Measurement of `{indicator}`: value, date and source"
        ),
        Kind::Choice { .. } => {
            let options = labels(" / ");
            crate::tr!(lang, "Ett av: {options}", "One of: {options}")
        }
        Kind::Multi { .. } => {
            let options = labels(" / ");
            crate::tr!(lang, "Ett eller flera av: {options}", "Any of: {options}")
        }
        Kind::Scale(scale) => {
            let (lo, hi) = (scale.min, scale.max);
            let ends: Vec<String> = scale
                .labels
                .iter()
                .map(|(point, label)| format!("{point} = {}", escape(label.get(lang))))
                .collect();
            let ends = if ends.is_empty() {
                String::new()
            } else {
                format!(" ({})", ends.join(", "))
            };
            crate::tr!(lang, "Skala {lo}–{hi}{ends}", "Scale {lo}–{hi}{ends}")
        }
        Kind::Number { min, max, unit } => {
            let mut out = lang.pick("Tal", "Number").to_string();
            if let Some(unit) = unit {
                let _ = write!(out, " ({})", escape(unit.get(lang)));
            }
            match (min, max) {
                (Some(lo), Some(hi)) => {
                    let _ = write!(out, ", {lo}–{hi}");
                }
                (Some(lo), None) => {
                    let _ = write!(out, ", ≥ {lo}");
                }
                (None, Some(hi)) => {
                    let _ = write!(out, ", ≤ {hi}");
                }
                (None, None) => {}
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::headings_from_two;

    #[test]
    fn a_descriptions_headings_stand_one_level_under_the_title() {
        assert_eq!(
            headings_from_two("Intro.\n\n### Två spår\nText.\n\n#### Detalj\n\n### Roller"),
            "Intro.\n\n## Två spår\nText.\n\n### Detalj\n\n## Roller"
        );
        assert_eq!(headings_from_two("# Ett\n\n## Två"), "## Ett\n\n### Två");
    }

    #[test]
    fn text_without_headings_or_with_a_hash_in_code_is_kept() {
        assert_eq!(headings_from_two("Bara text."), "Bara text.");
        let fenced = "### Rubrik\n\n```\n### inte en rubrik\n```";
        assert_eq!(
            headings_from_two(fenced),
            "## Rubrik\n\n```\n### inte en rubrik\n```"
        );
    }
}
