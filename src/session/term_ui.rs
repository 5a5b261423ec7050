//! The session at a terminal, often on a projector: dialoguer's lists and
//! our own line editor (`prompt::line`) on stderr for each kind of item,
//! with a menu (Esc, in lists and lines alike) to step back, skip, mark
//! not applicable, read the help, add a note, raise a new action (its text,
//! owner and due day) or stop for now; and the gate decision, with its
//! conditions and the next gate's planned day.

use anyhow::Result;
use console::{Term, style};
use dialoguer::theme::Theme;
use dialoguer::{MultiSelect, Select};

use super::{CriterionGiven, GateAsk, GateChoice, People, Question, Reply, SessionUi};
use crate::i18n::{Lang, Say};
use crate::log::{ActionMark, Field, Participant, Record};
use crate::pack::condition::Value;
use crate::pack::{Choice as ChoiceOption, Decision, Item, Kind, Phase, Scale, Text};
use crate::session::prompt::line::{self, Entered};
use crate::session::prompt::term::one_row;
use crate::state::answer::Given;
use crate::text::table::new_table;
use crate::text::terminal_md;
use crate::tr;

mod gate_screen;
mod people;
mod respondents;

pub struct TermUi {
    term: Term,
    theme: Box<dyn Theme>,
    /// The language of messages.
    lang: Lang,
    /// What was typed at an item's line when Esc opened the menu: offered
    /// again when the room goes back to answering, so nothing typed is lost.
    left: std::cell::RefCell<Option<String>>,
}

/// What the room said to keeping an earlier answer as it is.
enum Keep {
    Kept(Given),
    /// Asked in its widget.
    Change,
    /// Esc: the menu.
    Menu,
}

/// What the menu behind Esc offers.
#[derive(Clone, Copy)]
enum Action {
    Answer,
    Back,
    Skip,
    NotApplicable,
    Help,
    Note,
    /// A new action beside the item.
    Raise,
    Quit,
}

impl TermUi {
    pub fn new(lang: Lang) -> TermUi {
        TermUi {
            term: Term::stderr(),
            theme: crate::session::prompt::term::theme(),
            lang,
            left: std::cell::RefCell::new(None),
        }
    }

    /// The language of messages.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn confirm(&self, question: &str, default: bool) -> Result<bool> {
        crate::session::prompt::term::yes_no(&*self.theme, self.lang, question, default)
    }

    /// A phase with answers: every item, or only the open ones? Esc asks
    /// every item.
    pub fn which_items(&self) -> Result<bool> {
        let lang = self.lang;
        let labels = [
            lang.pick("Alla punkter", "Every item"),
            lang.pick("Bara de öppna punkterna", "Only the open items"),
        ];
        let chosen = Select::with_theme(&*self.theme)
            .with_prompt(lang.pick(
                "Fasen har svar redan. Vilka punkter går ni igenom?",
                "The phase has answers already. Which items do you go through?",
            ))
            .items(labels)
            .default(0)
            .interact_opt()?;
        Ok(chosen == Some(1))
    }

    fn width(&self) -> usize {
        self.term
            .size_checked()
            .map_or(80, |(_, cols)| cols as usize)
    }

    fn say(&self, text: &str) -> Result<()> {
        self.term.write_line(text)?;
        Ok(())
    }

    /// The menu behind Esc. Every entry keeps its place: one that does
    /// not apply here (back on the first item, a new action where none is
    /// raised) says so and the menu is shown again.
    fn menu(&self, can_go_back: bool, raises_actions: bool) -> Result<Action> {
        let lang = self.lang;
        let not_here = lang.pick("(går inte här)", "(not here)");
        let entries = [
            (
                Action::Answer,
                lang.pick("Svara på punkten", "Answer the item"),
                true,
            ),
            (
                Action::Back,
                lang.pick("Tillbaka till förra punkten", "Back to the previous item"),
                can_go_back,
            ),
            (
                Action::Skip,
                lang.pick(
                    "Hoppa över (tas upp igen i slutet)",
                    "Skip (offered again at the end)",
                ),
                true,
            ),
            (
                Action::NotApplicable,
                lang.pick(
                    "Ej tillämplig, med ett skäl",
                    "Not applicable, with a reason",
                ),
                true,
            ),
            (Action::Help, lang.pick("Visa hjälp", "Show the help"), true),
            (
                Action::Note,
                lang.pick(
                    "Skriv en anteckning till svaret",
                    "Write a note on the answer",
                ),
                true,
            ),
            (
                Action::Raise,
                lang.pick("Ny åtgärd", "New action"),
                raises_actions,
            ),
            (
                Action::Quit,
                lang.pick("Spara och fortsätt senare", "Save and go on later"),
                true,
            ),
        ];
        let labels: Vec<String> = entries
            .iter()
            .map(|(_, label, open)| match open {
                true => label.to_string(),
                false => format!("{label} {not_here}"),
            })
            .collect();
        let mut default = 0;
        loop {
            let chosen = Select::with_theme(&*self.theme)
                .with_prompt(lang.pick("Vad vill ni göra?", "What do you want to do?"))
                .items(&labels)
                .default(default)
                .interact_opt()?;
            let Some(i) = chosen else {
                return Ok(Action::Answer);
            };
            if entries[i].2 {
                return Ok(entries[i].0);
            }
            self.say(&style(self.not_here(entries[i].0)).yellow().to_string())?;
            default = i;
        }
    }

    /// Why a menu entry does not apply here.
    fn not_here(&self, action: Action) -> &'static str {
        match action {
            Action::Back => self.lang.pick(
                "Inget tidigare svar i den här sessionen att gå tillbaka till.",
                "No earlier answer in this session to go back to.",
            ),
            _ => self
                .lang
                .pick("Här tas inga åtgärder upp.", "No actions are raised here."),
        }
    }

    /// Esc took the suggested facilitator: said on the confirmation line.
    pub(super) fn as_suggested(&self, suggested: String) -> Result<String> {
        let prompt = self.lang.pick("Processledare", "Facilitator");
        line::confirm(&self.term, &*self.theme, prompt, &suggested)?;
        Ok(suggested)
    }

    /// A line typed here, in our line editor, starting as `initial`,
    /// checked by `check`; `None` on Esc (what Esc means, `hint` says).
    pub(super) fn typed(
        &self,
        prompt: &str,
        hint: &str,
        initial: &str,
        check: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<Option<String>> {
        let ask = line::Ask {
            prompt,
            hint,
            initial,
            check,
        };
        Ok(match line::read_line(&self.term, &*self.theme, &ask)? {
            Entered::Text(text) => Some(text),
            Entered::Escaped(text) => {
                if !text.trim().is_empty() && text != initial {
                    *self.left.borrow_mut() = Some(text);
                }
                None
            }
        })
    }

    /// Asks the item in its widget. `None`: the room pressed Esc (or left a
    /// line empty) for the menu.
    fn widget(&self, q: &Question<'_>) -> Result<Option<Given>> {
        match self.keep_first(q)? {
            Keep::Kept(given) => return Ok(Some(given)),
            Keep::Menu => return Ok(None),
            Keep::Change => {}
        }
        let current_value = match q.current {
            Some(Given::Value(v)) => Some(v),
            _ => None,
        };
        match &q.item.kind {
            Kind::Check => self.check(q),
            Kind::Choice { options } => self.choice(q, options, current_value),
            Kind::Multi { options } => self.multi(q, options, current_value),
            Kind::Scale(scale) => self.scale(q, scale, current_value),
            Kind::Text { long: true } => self.long_text(q, current_value),
            Kind::Indicator { unit } => self.days_checked(q, |ui| ui.indicator(q, unit.as_ref())),
            Kind::Measurement { .. } => self.days_checked(q, |ui| ui.measurement(q)),
            Kind::Text { long: false } | Kind::Date | Kind::Number { .. } => {
                let current = match current_value {
                    Some(Value::Str(s)) => s.clone(),
                    Some(Value::Num(n)) => crate::state::answer::format_number(*n, q.lang),
                    _ => String::new(),
                };
                self.line(q.item.prompt.get(q.lang), &current, &q.item.kind)
            }
        }
    }

    /// "More …", the last choice of every widget, for the menu.
    fn more(&self) -> &'static str {
        self.lang.pick("Fler val …", "More …")
    }

    /// An earlier "not applicable", or a long text, is kept with one key:
    /// the widgets could not show either as their default.
    fn keep_first(&self, q: &Question<'_>) -> Result<Keep> {
        let keep_first = match q.current {
            Some(Given::NotApplicable(_)) => true,
            Some(Given::Value(_)) => matches!(q.item.kind, Kind::Text { long: true }),
            _ => false,
        };
        let (true, Some(current)) = (keep_first, q.current) else {
            return Ok(Keep::Change);
        };
        let shown = match current {
            Given::NotApplicable(reason) => tr!(
                self.lang,
                "ej tillämplig ({})",
                "not applicable ({})",
                reason
            ),
            Given::Value(Value::Str(text)) => text.replace('\n', " "),
            _ => String::new(),
        };
        let shown = crate::report::status_view::shorten(&terminal_md::visible(&shown), 60);
        let items = [
            format!("{} {shown}", self.lang.pick("Behåll:", "Keep:")),
            self.lang
                .pick("Ändra svaret", "Change the answer")
                .to_string(),
            self.more().to_string(),
        ];
        Ok(
            match Select::with_theme(&*self.theme)
                .with_prompt(one_row(q.item.prompt.get(q.lang)))
                .items(&items)
                .default(0)
                .interact_opt()?
            {
                Some(0) => Keep::Kept(current.clone()),
                Some(1) => Keep::Change,
                _ => Keep::Menu,
            },
        )
    }

    /// A check: done, or not.
    fn check(&self, q: &Question<'_>) -> Result<Option<Given>> {
        let items = [
            self.lang.pick("Klart", "Done"),
            self.lang.pick("Inte klart", "Not done"),
            self.more(),
        ];
        let default = match q.current {
            Some(Given::Value(Value::Bool(false))) => 1,
            _ => 0,
        };
        let chosen = Select::with_theme(&*self.theme)
            .with_prompt(one_row(q.item.prompt.get(q.lang)))
            .items(items)
            .default(default)
            .interact_opt()?;
        Ok(match chosen {
            Some(0) => Some(Given::Value(Value::Bool(true))),
            Some(1) => Some(Given::Value(Value::Bool(false))),
            _ => None,
        })
    }

    /// One of the options.
    fn choice(
        &self,
        q: &Question<'_>,
        options: &[ChoiceOption],
        current_value: Option<&Value>,
    ) -> Result<Option<Given>> {
        let mut items: Vec<&str> = options.iter().map(|o| o.label.get(q.lang)).collect();
        items.push(self.more());
        let default = options
            .iter()
            .position(|o| current_value == Some(&Value::Str(o.id.clone())))
            .unwrap_or(0);
        let chosen = Select::with_theme(&*self.theme)
            .with_prompt(one_row(q.item.prompt.get(q.lang)))
            .items(&items)
            .default(default)
            .interact_opt()?;
        Ok(chosen
            .filter(|i| *i < options.len())
            .map(|i| Given::Value(Value::Str(options[i].id.clone()))))
    }

    /// Any of the options.
    fn multi(
        &self,
        q: &Question<'_>,
        options: &[ChoiceOption],
        current_value: Option<&Value>,
    ) -> Result<Option<Given>> {
        let items: Vec<&str> = options.iter().map(|o| o.label.get(q.lang)).collect();
        let on: Vec<bool> = options
            .iter()
            .map(|o| match current_value {
                Some(Value::List(ids)) => ids.contains(&Value::Str(o.id.clone())),
                _ => false,
            })
            .collect();
        let chosen = MultiSelect::with_theme(&*self.theme)
            .with_prompt(one_row(&format!(
                "{} {}",
                q.item.prompt.get(q.lang),
                style(self.lang.pick(
                    "(mellanslag väljer, Enter klar)",
                    "(space picks, Enter done)"
                ))
                .dim()
            )))
            .items(&items)
            .defaults(&on)
            .interact_opt()?;
        Ok(chosen.map(|picked| {
            Given::Value(Value::List(
                picked
                    .into_iter()
                    .map(|i| Value::Str(options[i].id.clone()))
                    .collect(),
            ))
        }))
    }

    /// A point on the scale, or "don't know" where it is offered.
    fn scale(
        &self,
        q: &Question<'_>,
        scale: &Scale,
        current_value: Option<&Value>,
    ) -> Result<Option<Given>> {
        let points: Vec<i64> = (scale.min..=scale.max).collect();
        let mut items: Vec<String> = points
            .iter()
            .map(|n| match scale.labels.get(n) {
                Some(label) => format!("{n} · {}", label.get(q.lang)),
                None => n.to_string(),
            })
            .collect();
        let dont_know = self.lang.pick("Vet ej", "Don't know");
        if q.dont_know {
            items.push(dont_know.to_string());
        }
        items.push(self.more().to_string());
        let default = match current_value {
            Some(Value::Num(n)) => points.iter().position(|p| *p as f64 == *n).unwrap_or(0),
            _ => 0,
        };
        let chosen = Select::with_theme(&*self.theme)
            .with_prompt(one_row(q.item.prompt.get(q.lang)))
            .items(&items)
            .default(default)
            .interact_opt()?;
        Ok(match chosen {
            Some(i) if i < points.len() => Some(Given::Value(Value::Num(points[i] as f64))),
            Some(i) if q.dont_know && i == points.len() => Some(Given::DontKnow),
            _ => None,
        })
    }

    /// A long text: one line here, or in the editor (see
    /// `prompt::editor`); without an editor, the line.
    fn long_text(&self, q: &Question<'_>, current_value: Option<&Value>) -> Result<Option<Given>> {
        let prompt = q.item.prompt.get(q.lang);
        let current = match current_value {
            Some(Value::Str(s)) => s.clone(),
            _ => String::new(),
        };
        let editor = crate::session::prompt::editor::chosen();
        let items = [
            self.lang
                .pick("Skriv en rad här", "Write one line here")
                .to_string(),
            crate::session::prompt::editor::menu_label(editor.as_deref(), self.lang),
            self.more().to_string(),
        ];
        let chosen = Select::with_theme(&*self.theme)
            .with_prompt(one_row(prompt))
            .items(&items)
            .default(0)
            .report(false)
            .interact_opt()?;
        match (chosen, editor) {
            (Some(1), Some(editor)) => self.in_editor(&editor, prompt, &current),
            (Some(1), None) => {
                self.say(self.lang.pick(
                    "Ingen editor är inställd: skriv svaret på en rad här.",
                    "No editor is set up: write the answer on one line here.",
                ))?;
                self.line(prompt, &current, &q.item.kind)
            }
            (Some(0), _) => self.line(prompt, &current, &q.item.kind),
            _ => Ok(None),
        }
    }

    /// A long text written in `editor`, its confirmation line showing it.
    /// Closed without saving, or left empty: `None`, the menu. An editor
    /// that cannot start is told, and one line is asked instead.
    fn in_editor(&self, editor: &str, prompt: &str, current: &str) -> Result<Option<Given>> {
        let written = match crate::session::prompt::editor::edit(editor, prompt, current, self.lang)
        {
            Ok(written) => written,
            Err(err) => {
                self.say(&style(err.to_string()).red().to_string())?;
                return self.line(prompt, current, &Kind::Text { long: true });
            }
        };
        let Some(text) = written.filter(|t| !t.trim().is_empty()) else {
            return Ok(None);
        };
        line::confirm(&self.term, &*self.theme, prompt, &text)?;
        Ok(Some(Given::Value(Value::Str(text))))
    }

    /// A line of text, checked for the item's kind; Esc or an empty line
    /// opens the menu.
    fn line(&self, prompt: &str, current: &str, kind: &Kind) -> Result<Option<Given>> {
        let lang = self.lang;
        let check = |text: &str| -> Result<(), String> {
            if text.trim().is_empty() {
                return Ok(());
            }
            crate::state::answer::typed_in(kind, text)
                .map(|_| ())
                .map_err(|why| why.say(lang))
        };
        // An earlier answer may come from anyone's entry: no escapes,
        // but its line breaks stay, so that keeping it keeps them. What was
        // typed before Esc opened the menu comes back first.
        let initial = self
            .left
            .borrow_mut()
            .take()
            .unwrap_or_else(|| terminal_md::visible_lines(current));
        let Some(text) = self.typed(
            prompt,
            lang.pick("(Esc eller tom rad: fler val)", "(Esc or empty line: more)"),
            &initial,
            &check,
        )?
        else {
            return Ok(None);
        };
        if text.trim().is_empty() {
            return Ok(None);
        }
        Ok(Some(Given::Value(crate::state::answer::typed_in(
            kind, &text,
        )?)))
    }

    /// An indicator or a measurement as `ask` asks it, asked again while
    /// its days cannot be so (a measurement after today or before its
    /// indicator's baseline; a baseline after today, a target day not after
    /// the baseline).
    fn days_checked(
        &self,
        q: &Question<'_>,
        ask: impl Fn(&Self) -> Result<Option<Given>>,
    ) -> Result<Option<Given>> {
        loop {
            let Some(given) = ask(self)? else {
                return Ok(None);
            };
            match crate::state::answer::check_days(&given, q.today, q.baseline) {
                Ok(()) => return Ok(Some(given)),
                Err(why) => self.say(&style(why.to_string()).red().to_string())?,
            }
        }
    }

    /// An indicator, field by field; an empty required field opens the
    /// menu. The unit the pack gives is offered.
    fn indicator(&self, q: &Question<'_>, unit: Option<&Text>) -> Result<Option<Given>> {
        let num = |n: f64| crate::state::answer::format_number(n, self.lang);
        let offered = unit.map(|u| u.get(q.lang).to_string()).unwrap_or_default();
        let was: [String; 8] = match q.current {
            Some(Given::Indicator(i)) => [
                i.name.clone(),
                i.unit.clone(),
                num(i.baseline),
                i.baseline_date.to_string(),
                i.source.clone(),
                num(i.target),
                i.target_date.to_string(),
                i.owner.clone(),
            ],
            _ => std::array::from_fn(|n| {
                if n == 1 {
                    offered.clone()
                } else {
                    String::new()
                }
            }),
        };
        let checks = [
            Check::Text,
            Check::Optional,
            Check::Number,
            Check::Date,
            Check::Text,
            Check::Number,
            Check::Date,
            Check::Text,
        ];
        self.say(&style(q.item.prompt.get(q.lang)).bold().to_string())?;
        let mut given = Vec::with_capacity(8);
        for ((label, current), check) in Field::INDICATOR.into_iter().zip(&was).zip(checks) {
            match self.field(label, current, check)? {
                Some(text) => given.push(text),
                None => return Ok(None),
            }
        }
        let [
            name,
            unit,
            baseline,
            baseline_date,
            source,
            target,
            target_date,
            owner,
        ] = <[String; 8]>::try_from(given).unwrap_or_default();
        Ok(Some(Given::Indicator(crate::state::answer::Indicator {
            name,
            unit,
            baseline: typed_number(&baseline),
            baseline_date: typed_day(&baseline_date),
            source,
            target: typed_number(&target),
            target_date: typed_day(&target_date),
            owner,
        })))
    }

    /// A measurement: its value, the day, and where it comes from.
    fn measurement(&self, q: &Question<'_>) -> Result<Option<Given>> {
        let lang = self.lang;
        let was = match q.current {
            Some(Given::Measured(m)) => Some(m),
            _ => None,
        };
        self.say(&style(q.item.prompt.get(q.lang)).bold().to_string())?;
        let value = was.map(|m| crate::state::answer::format_number(m.value, lang));
        let Some(value) = self.field(Field::Value, &value.unwrap_or_default(), Check::Number)?
        else {
            return Ok(None);
        };
        let day = was.map(|m| m.date.to_string());
        let Some(date) = self.field(Field::Measured, &day.unwrap_or_default(), Check::Date)? else {
            return Ok(None);
        };
        let source = was.and_then(|m| m.source.clone()).unwrap_or_default();
        let Some(source) = self.field(Field::Source, &source, Check::Optional)? else {
            return Ok(None);
        };
        let source = Some(source).filter(|s| !s.is_empty());
        Ok(Some(Given::Measured(crate::state::answer::Measured {
            value: typed_number(&value),
            date: typed_day(&date),
            source,
        })))
    }

    /// One field of an indicator or a measurement, checked, trimmed; `None`
    /// (the menu) on Esc, or when a field that must be given is left empty.
    /// An optional field left empty is `Some("")`.
    fn field(&self, label: Field, current: &str, check: Check) -> Result<Option<String>> {
        let lang = self.lang;
        let hint = match check {
            Check::Optional => lang.pick("(valfri; Esc: fler val)", "(optional; Esc: more)"),
            _ => lang.pick("(Esc eller tom rad: fler val)", "(Esc or empty line: more)"),
        };
        let typed = self.typed(
            label.words(lang).trim_end_matches(':'),
            hint,
            &terminal_md::visible_lines(current),
            &|text: &str| check.why_not(text, lang).map_or(Ok(()), Err),
        )?;
        Ok(match typed.map(|t| t.trim().to_string()) {
            Some(text) if text.is_empty() && !matches!(check, Check::Optional) => None,
            other => other,
        })
    }

    /// Where the room is: the phase, the item's place, whether it is
    /// required, an earlier "not applicable", the actions raised here.
    fn heading(&self, q: &Question<'_>) -> Result<()> {
        let lang = self.lang;
        let required = if q.item.required {
            lang.pick(" · krav", " · required")
        } else {
            ""
        };
        self.say("")?;
        if let Some(verdict) = &q.verdict {
            self.say(&style(terminal_md::visible(verdict)).bold().to_string())?;
            self.say("")?;
        }
        // The phase's title again: on a small screen the intro above may
        // have scrolled away.
        self.say(&format!(
            "{} {}",
            style(q.phase.title.get(q.lang)).bold(),
            style(format!("{}/{}{required}", q.number, q.total)).dim()
        ))?;
        if let Some(Given::NotApplicable(reason)) = q.current {
            self.say(&tr!(
                lang,
                "Tidigare: ej tillämplig ({})",
                "Before: not applicable ({})",
                terminal_md::visible(reason)
            ))?;
        }
        if !q.actions.is_empty() {
            self.say(&tr!(
                lang,
                "Åtgärder vid punkten: {}",
                "Actions beside the item: {}",
                q.actions.len()
            ))?;
        }
        self.say(
            &style(lang.pick("Esc: fler val", "Esc: more"))
                .dim()
                .to_string(),
        )?;
        Ok(())
    }

    /// The item's help, or that it has none.
    fn help(&self, q: &Question<'_>) -> Result<()> {
        let help = q.item.help.as_ref().map_or_else(
            || {
                self.lang
                    .pick("Punkten har ingen hjälptext.", "The item has no help.")
                    .to_string()
            },
            |h| terminal_md::render(h.get(q.lang), self.width()),
        );
        self.say("")?;
        self.say(&help)?;
        self.say("")
    }

    /// A new action: its text, its owner (one of `people`, or typed) and
    /// its due day (a real `YYYY-MM-DD` day, asked again until it is one).
    /// The text starts as `initial` (none when empty). `None` when the
    /// room leaves the text empty or presses Esc.
    pub fn new_action(
        &self,
        people: &[String],
        what: &str,
        initial: &str,
    ) -> Result<Option<ActionMark>> {
        let lang = self.lang;
        let text = self
            .typed(
                what,
                lang.pick("(Esc eller tom rad: avbryt)", "(Esc or empty line: cancel)"),
                &terminal_md::visible(initial),
                &|_| Ok(()),
            )?
            .unwrap_or_default();
        if text.trim().is_empty() {
            return Ok(None);
        }
        let Some(owner) = self.owner(people)? else {
            return Ok(None);
        };
        let Some(due) = self.typed(
            lang.pick("Senast (ÅÅÅÅ-MM-DD)", "Due (YYYY-MM-DD)"),
            lang.pick("(Esc: avbryt)", "(Esc: cancel)"),
            "",
            &|text: &str| match crate::text::day::parse_day(text.trim()) {
                Some(_) => Ok(()),
                None => Err(not_a_day(lang, text.trim())),
            },
        )?
        else {
            return Ok(None);
        };
        let Some(due) = crate::text::day::parse_day(due.trim()) else {
            return Ok(None);
        };
        Ok(Some(ActionMark {
            n: 0,
            text: text.trim().to_string(),
            owner,
            due,
        }))
    }

    /// Who sees to an action: one of `people`, or a name typed (not blank).
    /// `None` on Esc, in the list or the line.
    fn owner(&self, people: &[String]) -> Result<Option<String>> {
        let lang = self.lang;
        if !people.is_empty() {
            let mut items: Vec<String> = people.iter().map(|n| terminal_md::visible(n)).collect();
            items.push(lang.pick("Någon annan …", "Someone else …").to_string());
            let chosen = Select::with_theme(&*self.theme)
                .with_prompt(lang.pick("Ansvarig", "Owner"))
                .items(&items)
                .default(0)
                .interact_opt()?;
            match chosen {
                Some(i) if i < people.len() => return Ok(Some(people[i].clone())),
                Some(_) => {}
                None => return Ok(None),
            }
        }
        let owner = self.typed(
            lang.pick("Ansvarig (namn)", "Owner (name)"),
            lang.pick("(Esc: avbryt)", "(Esc: cancel)"),
            "",
            &|text: &str| {
                if text.trim().is_empty() {
                    Err(lang
                        .pick("skriv vem som ansvarar", "write who sees to it")
                        .to_string())
                } else {
                    Ok(())
                }
            },
        )?;
        Ok(owner.map(|o| o.trim().to_string()))
    }

    /// A decision's conditions, one after the other until the room says
    /// no more: what going on leaves for later is shown first.
    fn conditions(&self, ask: &GateAsk<'_>, decision: Decision) -> Result<Vec<ActionMark>> {
        let lang = self.lang;
        if decision == Decision::Go {
            self.say(lang.pick("Lämnas till senare:", "Left for later:"))?;
            for item in &ask.deferred {
                self.say(&format!("  • {}", item.prompt.get(ask.lang)))?;
            }
        }
        let names = ask.people.names();
        let mut conditions = Vec::new();
        loop {
            let question = if conditions.is_empty() {
                lang.pick(
                    "Sätt villkor för beslutet?",
                    "Set conditions for the decision?",
                )
            } else {
                lang.pick("Ett villkor till?", "Another condition?")
            };
            if !self.confirm(question, conditions.is_empty())? {
                return Ok(conditions);
            }
            let what = lang.pick("Villkor", "Condition");
            if let Some(condition) = self.new_action(&names, what, "")? {
                conditions.push(condition);
            }
        }
    }

    /// Each of the gate's criteria, asked after the decision: met, not met,
    /// deferred (an action: text, owner, due day) or not applicable (a
    /// reason). A `go` takes no criterion not met; another decision may
    /// leave one unrecorded. `None` when the room backs out (Esc): the
    /// decision is left for later.
    fn criteria(
        &self,
        ask: &GateAsk<'_>,
        decision: Decision,
    ) -> Result<Option<Vec<(String, CriterionGiven)>>> {
        let mut out = Vec::new();
        for criterion in &ask.phase.gate.criteria {
            let text = criterion.text.get(ask.lang);
            if let Some(given) = self.criterion(ask, decision, text)? {
                out.push((criterion.id.clone(), given));
            } else if decision == Decision::Go {
                return Ok(None);
            }
        }
        Ok(Some(out))
    }

    /// One criterion's status, asked until one is given; `None` when left
    /// unrecorded (not with `go`) or the room backs out.
    fn criterion(
        &self,
        ask: &GateAsk<'_>,
        decision: Decision,
        text: &str,
    ) -> Result<Option<CriterionGiven>> {
        let ui = self.lang;
        let mut items = vec![
            ui.pick("Uppfyllt", "Met"),
            ui.pick("Inte uppfyllt", "Not met"),
            ui.pick(
                "Skjuts upp (blir en åtgärd)",
                "Deferred (becomes an action)",
            ),
            ui.pick("Ej tillämplig", "Not applicable"),
        ];
        if decision != Decision::Go {
            items.push(ui.pick("Ange inte", "Leave unrecorded"));
        }
        loop {
            let chosen = Select::with_theme(&*self.theme)
                .with_prompt(tr!(
                    ui,
                    "Kriterium: {}",
                    "Criterion: {}",
                    terminal_md::visible(text)
                ))
                .items(&items)
                .default(0)
                .interact_opt()?;
            let given = match chosen {
                Some(0) => CriterionGiven::Met,
                Some(1) if decision == Decision::Go => {
                    self.say(ui.pick(
                        "Att fortsätta kräver att kriteriet är uppfyllt, skjuts upp eller inte är tillämpligt; välj något av dem, eller Esc för att besluta senare.",
                        "Going on needs the criterion met, deferred or not applicable; choose one of them, or Esc to decide later.",
                    ))?;
                    continue;
                }
                Some(1) => CriterionGiven::NotMet,
                Some(2) => {
                    let what = ui.pick("Åtgärd", "Action");
                    match self.new_action(&ask.people.names(), what, text)? {
                        Some(action) => CriterionGiven::Deferred(action),
                        None => continue,
                    }
                }
                Some(3) => {
                    let question = ui.pick(
                        "Varför är kriteriet inte tillämpligt?",
                        "Why does the criterion not apply?",
                    );
                    match self.reason_for(question)? {
                        Some(reason) => CriterionGiven::NotApplicable(reason),
                        None => continue,
                    }
                }
                _ => return Ok(None),
            };
            return Ok(Some(given));
        }
    }

    /// The planned day of the next gate; Esc or an empty line plans none.
    fn next_gate(&self) -> Result<Option<jiff::civil::Date>> {
        let lang = self.lang;
        let day = self
            .typed(
                lang.pick("Nästa beslutspunkt", "Next gate"),
                lang.pick(
                    "(ÅÅÅÅ-MM-DD; Esc eller tom rad: ingen planerad)",
                    "(YYYY-MM-DD; Esc or empty line: none planned)",
                ),
                "",
                &|text: &str| {
                    let text = text.trim();
                    if text.is_empty() || crate::text::day::parse_day(text).is_some() {
                        Ok(())
                    } else {
                        Err(not_a_day(lang, text))
                    }
                },
            )?
            .unwrap_or_default();
        Ok(crate::text::day::parse_day(day.trim()))
    }

    /// The reason an item does not apply; asked again once when left
    /// empty, then back to the item.
    fn reason(&self) -> Result<Option<String>> {
        self.reason_for(self.lang.pick(
            "Varför är punkten inte tillämplig?",
            "Why does the item not apply?",
        ))
    }

    /// A reason asked with `question`; asked again once when left empty,
    /// then `None`; at once `None` on Esc.
    fn reason_for(&self, question: &str) -> Result<Option<String>> {
        let hint = self.lang.pick("(Esc: tillbaka)", "(Esc: back)");
        for attempt in 0..2 {
            let Some(text) = self.typed(question, hint, "", &|_| Ok(()))? else {
                return Ok(None);
            };
            if !text.trim().is_empty() {
                return Ok(Some(text.trim().to_string()));
            }
            if attempt == 0 {
                self.say(self.lang.pick(
                    "Ett skäl behövs. Skriv det, eller lämna raden tom igen för att gå tillbaka till punkten.",
                    "A reason is needed. Write it, or leave the line empty again to go back to the item.",
                ))?;
            }
        }
        Ok(None)
    }
}

impl SessionUi for TermUi {
    fn intro(&mut self, phase: &Phase, lang: Lang) -> Result<()> {
        let width = self.width();
        self.say("")?;
        self.say(&style(phase.title.get(lang)).bold().underlined().to_string())?;
        self.say("")?;
        self.say(&terminal_md::render(phase.purpose.get(lang), width))?;
        self.say("")?;
        self.say(&terminal_md::render(phase.guidance.get(lang), width))?;
        self.say("")?;
        Ok(())
    }

    fn people(&mut self, default: &People) -> Result<People> {
        people::ask(self, default)
    }

    fn ask(&mut self, q: &Question<'_>) -> Result<Reply> {
        let lang = self.lang;
        self.left.borrow_mut().take();
        self.heading(q)?;
        let mut note = q.note.map(str::to_string);
        loop {
            if let Some(given) = self.widget(q)? {
                return Ok(Reply::Answer { given, note });
            }
            match self.menu(q.can_go_back, q.raises_actions)? {
                Action::Answer => {}
                Action::Back => return Ok(Reply::Back),
                Action::Skip => return Ok(Reply::Skip),
                Action::Quit => return Ok(Reply::Quit),
                Action::NotApplicable => {
                    if let Some(reason) = self.reason()? {
                        return Ok(Reply::Answer {
                            given: Given::NotApplicable(reason),
                            note,
                        });
                    }
                }
                Action::Help => self.help(q)?,
                Action::Raise => {
                    let what = lang.pick("Ny åtgärd", "New action");
                    if let Some(action) = self.new_action(&q.people.names(), what, "")? {
                        self.say(&tr!(
                            lang,
                            "Åtgärden är sparad vid punkten: {} ({}, senast {})",
                            "The action is saved beside the item: {} ({}, due {})",
                            terminal_md::visible(&action.text),
                            terminal_md::visible(&action.owner),
                            action.due
                        ))?;
                        return Ok(Reply::Raise { action, note });
                    }
                }
                Action::Note => {
                    let typed = self.typed(
                        lang.pick("Anteckning", "Note"),
                        lang.pick("(Esc: lämna den som den var)", "(Esc: leave it as it was)"),
                        &terminal_md::visible(note.as_deref().unwrap_or_default()),
                        &|_| Ok(()),
                    )?;
                    if let Some(text) = typed {
                        note = Some(text.trim().to_string()).filter(|t| !t.is_empty());
                    }
                }
            }
        }
    }

    fn revisit(&mut self, skipped: &[&Item], lang: Lang) -> Result<bool> {
        let prompts: Vec<&str> = skipped.iter().map(|i| i.prompt.get(lang)).collect();
        self.say("")?;
        self.say(&tr!(
            self.lang,
            "Överhoppade punkter: {}",
            "Skipped items: {}",
            prompts.join(" · ")
        ))?;
        self.confirm(
            self.lang
                .pick("Gå tillbaka till dem nu?", "Go back to them now?"),
            true,
        )
    }

    fn summary(
        &mut self,
        phase: &Phase,
        records: &[Record],
        open: &[&Item],
        lang: Lang,
    ) -> Result<()> {
        let ui = self.lang;
        let width = u16::try_from(self.width()).unwrap_or(100);
        let mut table = new_table(
            vec![
                ui.pick("Punkt", "Item").to_string(),
                ui.pick("Svar", "Answer").to_string(),
            ],
            Some(width),
        );
        for record in records {
            table.add_row(vec![
                terminal_md::visible(&record.prompt),
                terminal_md::visible(&short_answer(&record.answer, ui)),
            ]);
        }
        self.say("")?;
        self.say(
            &style(tr!(
                ui,
                "Sammanfattning: {}",
                "Summary: {}",
                phase.title.get(lang)
            ))
            .bold()
            .to_string(),
        )?;
        self.say(&table.to_string())?;
        if open.is_empty() {
            self.say(ui.pick(
                "Alla krav i fasen är uppfyllda.",
                "Every requirement of the phase is met.",
            ))?;
        } else {
            self.say(ui.pick("Öppna krav:", "Open requirements:"))?;
            for item in open {
                self.say(&format!("  • {}", item.prompt.get(lang)))?;
            }
        }
        Ok(())
    }

    fn gate(&mut self, ask: &GateAsk<'_>) -> Result<Option<GateChoice>> {
        let ui = self.lang;
        let Some(decision) = gate_screen::decide(self, ask)? else {
            gate_screen::later(self, ask)?;
            return Ok(None);
        };
        let Some(criteria) = self.criteria(ask, decision)? else {
            gate_screen::later(self, ask)?;
            return Ok(None);
        };
        let later = ui.pick("(Esc: besluta senare)", "(Esc: decide later)");
        let who = if ask.people.decider.is_empty() {
            ui.pick("Vem beslutade?", "Who decided?")
        } else {
            ui.pick(
                "Vem beslutade? (förifyllt: den som beslutade vid förra beslutspunkten)",
                "Who decided? (filled in: who decided at the last gate)",
            )
        };
        let Some(decided_by) = self.typed(
            who,
            later,
            // Taken from the log, like every default offered: no escapes.
            &terminal_md::visible(&ask.people.decider),
            &|t: &str| needed(t, ui),
        )?
        else {
            gate_screen::later(self, ask)?;
            return Ok(None);
        };
        let Some(motivation) = self.typed(ui.pick("Varför?", "Why?"), later, "", &|t: &str| {
            needed(t, ui)
        })?
        else {
            gate_screen::later(self, ask)?;
            return Ok(None);
        };
        let conditions = if GateChoice::asks_conditions(decision, !ask.deferred.is_empty()) {
            self.conditions(ask, decision)?
        } else {
            Vec::new()
        };
        let next_gate = if decision == Decision::Stop {
            None
        } else {
            self.next_gate()?
        };
        Ok(Some(GateChoice {
            decision,
            decided_by: decided_by.trim().to_string(),
            motivation: motivation.trim().to_string(),
            conditions,
            next_gate,
            criteria,
        }))
    }

    fn respondents(&mut self, so_far: &[String]) -> Result<Vec<String>> {
        self.ask_respondents(so_far)
    }

    fn respondent_turn(&mut self, respondent: &str) -> Result<()> {
        self.announce_turn(respondent)
    }

    fn hand_over(&mut self, respondent: &str, first: bool) -> Result<()> {
        self.clear_and_hand_over(respondent, first)
    }

    fn respondent_role(&mut self, respondent: &str) -> Result<Option<String>> {
        self.ask_role(respondent)
    }

    fn readiness_result(&mut self, chart: &dyn Fn(Option<usize>) -> String) -> Result<()> {
        self.say("")?;
        self.say(&chart(Some(self.width())))
    }
}

/// A participant of an earlier entry, as the terminal may show them.
fn shown(p: &Participant) -> String {
    let name = terminal_md::visible(&p.name);
    match &p.role {
        Some(role) => format!("{name} ({})", terminal_md::visible(role)),
        None => name,
    }
}

/// How a field of an indicator or a measurement is checked as typed.
#[derive(Clone, Copy)]
enum Check {
    /// Any text; empty opens the menu.
    Text,
    /// Any text, or none.
    Optional,
    /// A number (a decimal comma is fine).
    Number,
    /// A day, `YYYY-MM-DD`.
    Date,
}

impl Check {
    /// Why `text` does not do, if it does not; empty always does (it opens
    /// the menu, or leaves an optional field out).
    fn why_not(self, text: &str, lang: Lang) -> Option<String> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        match self {
            Check::Text | Check::Optional => None,
            Check::Number
                if text
                    .replace(',', ".")
                    .parse::<f64>()
                    .is_ok_and(f64::is_finite) =>
            {
                None
            }
            Check::Number => Some(lang.pick("skriv ett tal", "write a number").to_string()),
            Check::Date if crate::text::day::parse_day(text).is_some() => None,
            Check::Date => Some(not_a_day(lang, text)),
        }
    }
}

/// A number that `Check::Number` let through.
fn typed_number(text: &str) -> f64 {
    text.trim().replace(',', ".").parse().unwrap_or(0.0)
}

/// A day that `Check::Date` let through.
fn typed_day(text: &str) -> jiff::civil::Date {
    crate::text::day::parse_day(text.trim()).unwrap_or_default()
}

/// An answer in a few words, for the summary.
fn short_answer(answer: &crate::log::Answer, lang: Lang) -> String {
    use crate::log::{Answer, CheckState};
    let text = match answer {
        Answer::Check(CheckState::Done) => lang.pick("klart", "done").to_string(),
        Answer::Check(CheckState::NotDone) => lang.pick("inte klart", "not done").to_string(),
        Answer::Check(CheckState::NotApplicable(r)) | Answer::NotApplicable(r) => {
            tr!(lang, "ej tillämplig: {r}", "not applicable: {r}")
        }
        Answer::Text(t) => t.clone(),
        Answer::Options(options) => options
            .iter()
            .filter(|o| o.ticked)
            .map(|o| o.label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::DontKnow => lang.pick("vet ej", "don't know").to_string(),
        Answer::Unanswered => lang.pick("(obesvarad)", "(not answered)").to_string(),
        Answer::Met => lang.pick("uppfyllt", "met").to_string(),
        Answer::NotMet => lang.pick("inte uppfyllt", "not met").to_string(),
        Answer::Deferred => lang.pick("skjuts upp", "deferred").to_string(),
        Answer::Fields(fields) => crate::report::state_words::fields_text(fields, lang),
    };
    crate::report::status_view::shorten(&text.replace('\n', " "), 120)
}

/// Why an empty line is refused where an answer is needed.
fn needed(text: &str, lang: Lang) -> Result<(), String> {
    if text.trim().is_empty() {
        Err(lang
            .pick("ett svar behövs", "an answer is needed")
            .to_string())
    } else {
        Ok(())
    }
}

/// Why a typed due day is refused.
fn not_a_day(lang: Lang, text: &str) -> String {
    tr!(
        lang,
        "`{text}` är inget datum; skriv en dag som finns, ÅÅÅÅ-MM-DD (2026-03-31)",
        "`{text}` is not a date; write a day the calendar has, YYYY-MM-DD (2026-03-31)"
    )
}
