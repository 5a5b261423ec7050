//! The terminal view of a pack (`dino pack show`): what it holds at a
//! glance, every phase with its items, or one phase in full.

use std::fmt::Write as _;

use super::condition_words::describe;
use crate::i18n::Lang;
use crate::pack::{Item, Kind, Origin, Pack, Phase};
use crate::text::table::new_table;

/// How the view is laid out: the terminal's width (none when piped) and
/// how headings are set off.
pub struct Look {
    pub width: Option<u16>,
    pub heading: fn(&str) -> String,
}

/// The whole pack: identity, profile, readiness, diagnostic, every phase.
pub fn overview(pack: &Pack, lang: Lang, look: &Look) -> String {
    let lang = pack.lang_for(lang);
    let mut out = identity(pack, lang, look);

    let _ = writeln!(
        out,
        "\n{}",
        (look.heading)(lang.pick("Projektprofil", "Project profile"))
    );
    let _ = writeln!(out, "{}", items_table(pack, &pack.profile, lang, look));
    phases_table(&mut out, pack, lang, look);
    readiness(&mut out, pack, lang, look);
    diagnostic(&mut out, pack, lang, look);
    for (n, phase) in pack.phases.iter().enumerate() {
        let _ = writeln!(out, "\n{}", (look.heading)(&phase_heading(n, phase, lang)));
        let _ = writeln!(out, "{}", items_table(pack, &phase.items, lang, look));
    }
    out
}

/// The phases: a row each, with how many items they have, require and
/// make conditional.
fn phases_table(out: &mut String, pack: &Pack, lang: Lang, look: &Look) {
    let mut phases = new_table(
        vec![
            "#".into(),
            "Id".into(),
            lang.pick("Fas", "Phase").into(),
            lang.pick("Punkter", "Items").into(),
            lang.pick("Krävs", "Required").into(),
            lang.pick("Villkorade", "Conditional").into(),
        ],
        look.width,
    );
    for (n, phase) in pack.phases.iter().enumerate() {
        let count = |keep: fn(&Item) -> bool| phase.items.iter().filter(|i| keep(i)).count();
        phases.add_row(vec![
            (n + 1).to_string(),
            phase.id.clone(),
            phase.title.get(lang).to_string(),
            phase.items.len().to_string(),
            count(|i| i.required).to_string(),
            count(|i| i.when.is_some()).to_string(),
        ]);
    }
    let _ = writeln!(out, "\n{}", (look.heading)(lang.pick("Faser", "Phases")));
    let _ = writeln!(out, "{phases}");
}

/// The readiness self-assessment: its scale and lines, and a row per
/// dimension.
fn readiness(out: &mut String, pack: &Pack, lang: Lang, look: &Look) {
    let Some(readiness) = &pack.readiness else {
        return;
    };
    let mut table = new_table(
        vec![
            "Id".into(),
            lang.pick("Dimension", "Dimension").into(),
            lang.pick("Påståenden", "Statements").into(),
        ],
        look.width,
    );
    for d in &readiness.dimensions {
        table.add_row(vec![
            d.id.clone(),
            d.title.get(lang).to_string(),
            d.statements.len().to_string(),
        ]);
    }
    let (lo, hi) = (readiness.scale.min, readiness.scale.max);
    let (risk, watch) = (
        crate::i18n::one_decimal(readiness.risk_below, lang),
        crate::i18n::one_decimal(readiness.watch_below, lang),
    );
    let _ = writeln!(out, "\n{}", (look.heading)(readiness.title.get(lang)));
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(
            lang,
            "Skala {lo}–{hi}; under {risk} är en risk, under {watch} att bevaka.",
            "Scale {lo}–{hi}; below {risk} is a risk, below {watch} to watch.",
        )
    );
    let _ = writeln!(out, "{table}");
}

/// The diagnostic's questions.
fn diagnostic(out: &mut String, pack: &Pack, lang: Lang, look: &Look) {
    let Some(diagnostic) = &pack.diagnostic else {
        return;
    };
    let _ = writeln!(out, "\n{}", (look.heading)(diagnostic.title.get(lang)));
    for name in &diagnostic.items {
        if let Some(item) = pack.item(name) {
            let _ = writeln!(out, "- {name}: {}", item.prompt.get(lang));
        }
    }
}

/// One phase in full: purpose, guidance, items with their details, gate.
pub fn phase(pack: &Pack, phase: &Phase, lang: Lang, look: &Look) -> String {
    let lang = pack.lang_for(lang);
    let n = pack
        .phases
        .iter()
        .position(|p| p.id == phase.id)
        .unwrap_or(0);
    let mut out = (look.heading)(&phase_heading(n, phase, lang));
    let _ = writeln!(out, "\n\n{}", phase.purpose.get(lang).trim());
    let _ = writeln!(out, "\n{}", phase.guidance.get(lang).trim());
    let _ = writeln!(out, "\n{}", (look.heading)(lang.pick("Punkter", "Items")));
    let _ = writeln!(out, "{}", items_table(pack, &phase.items, lang, look));

    let _ = writeln!(
        out,
        "\n{}",
        (look.heading)(lang.pick("Beslutspunkt", "Gate"))
    );
    let _ = writeln!(
        out,
        "- {}",
        lang.pick(
            "Alla krävda punkter som gäller är besvarade, avbockade eller markerade som ej tillämpliga med ett skäl.",
            "Every applicable required item is answered, ticked, or marked not applicable with a reason."
        )
    );
    for criterion in &phase.gate.criteria {
        let when = criterion.when.as_ref().map_or_else(String::new, |when| {
            format!(
                " — {} {}",
                lang.pick("gäller när", "applies when"),
                describe(when, pack, lang)
            )
        });
        let _ = writeln!(
            out,
            "- {} ({}){when}",
            criterion.text.get(lang),
            criterion.id
        );
    }
    out
}

fn identity(pack: &Pack, lang: Lang, look: &Look) -> String {
    let mut out = (look.heading)(&format!(
        "{} ({} {})",
        pack.title.get(lang),
        pack.id,
        pack.version
    ));
    out.push('\n');
    let origin = match &pack.origin {
        Origin::Builtin => lang.pick("inbyggt", "built-in").to_string(),
        Origin::Dir(path) => path.display().to_string(),
    };
    let languages: Vec<&str> = pack.languages.iter().map(|l| l.code()).collect();
    let items: usize = pack.phases.iter().map(|p| p.items.len()).sum();
    let phases = pack.phases.len();
    let langs = languages.join(", ");
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(
            lang,
            "{phases} faser, {items} punkter · språk: {langs} · {origin}",
            "{phases} phases, {items} items · languages: {langs} · {origin}"
        )
    );
    if let Some(description) = &pack.description {
        let _ = writeln!(out, "\n{}", description.get(lang).trim());
    }
    out
}

fn phase_heading(n: usize, phase: &Phase, lang: Lang) -> String {
    format!("{}. {} ({})", n + 1, phase.title.get(lang), phase.id)
}

fn items_table(pack: &Pack, items: &[Item], lang: Lang, look: &Look) -> String {
    let mut table = new_table(
        vec![
            "Id".into(),
            lang.pick("Typ", "Kind").into(),
            lang.pick("Krävs", "Required").into(),
            lang.pick("Fråga", "Prompt").into(),
            lang.pick("Gäller när", "Applies when").into(),
        ],
        look.width,
    );
    for item in items {
        table.add_row(vec![
            item.id.clone(),
            kind_detail(item, lang),
            lang.pick(
                if item.required { "ja" } else { "nej" },
                if item.required { "yes" } else { "no" },
            )
            .to_string(),
            item.prompt.get(lang).to_string(),
            item.when
                .as_ref()
                .map(|w| {
                    // A line break inside a cell reads well only with borders.
                    let sep = if look.width.is_some() { "\n" } else { " — " };
                    format!("{w}{sep}{}", describe(w, pack, lang))
                })
                .unwrap_or_default(),
        ]);
    }
    table.to_string()
}

/// The kind with what it takes: options, bounds, unit.
pub fn kind_detail(item: &Item, lang: Lang) -> String {
    let name = kind_name(&item.kind, lang);
    match &item.kind {
        Kind::Check | Kind::Date | Kind::Indicator { .. } => name.to_string(),
        Kind::Measurement { indicator, due } => match due {
            Some(due) => format!("{name}: {indicator}, {} {due}", lang.pick("senast", "due")),
            None => format!("{name}: {indicator}"),
        },
        Kind::Text { long } => {
            if *long {
                lang.pick("text (lång)", "text (long)").to_string()
            } else {
                name.to_string()
            }
        }
        Kind::Choice { options } | Kind::Multi { options } => {
            let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            format!("{name}: {}", ids.join(", "))
        }
        Kind::Scale(scale) => format!("{name} {}–{}", scale.min, scale.max),
        Kind::Number { min, max, unit } => {
            let mut out = name.to_string();
            let bounds = match (min, max) {
                (Some(lo), Some(hi)) => format!(" {lo}–{hi}"),
                (Some(lo), None) => format!(" ≥ {lo}"),
                (None, Some(hi)) => format!(" ≤ {hi}"),
                (None, None) => String::new(),
            };
            out.push_str(&bounds);
            if let Some(unit) = unit {
                let _ = write!(out, " ({})", unit.get(lang));
            }
            out
        }
    }
}

/// An item's kind as the reader's language names it. English keeps the
/// names a pack's TOML uses; Swedish says them in Swedish.
pub fn kind_name(kind: &Kind, lang: Lang) -> &'static str {
    match lang {
        Lang::En => kind.name(),
        Lang::Sv => match kind {
            Kind::Check => "kryssruta",
            Kind::Text { .. } => "text",
            Kind::Choice { .. } => "val",
            Kind::Multi { .. } => "flerval",
            Kind::Scale(_) => "skala",
            Kind::Date => "datum",
            Kind::Number { .. } => "tal",
            Kind::Indicator { .. } => "indikator",
            Kind::Measurement { .. } => "mätning",
        },
    }
}
