//! The session at a terminal, often on a projector: dialoguer widgets on
//! stderr for each kind of item, with a menu (Esc) to step back, skip, mark
//! not applicable, read the help, add a note, raise a new action (its text,
//! owner and due day) or stop for now; and the gate decision, with its
//! conditions and the next gate's planned day.

use anyhow::Result;
use console::{Term, style};
use dialoguer::theme::Theme;
use dialoguer::{Editor, Input, MultiSelect, Select};

use super::{CriterionGiven, GateAsk, GateChoice, People, Question, Reply, SessionUi};
use crate::i18n::{Lang, Say};
use crate::log::{ActionMark, Field, Participant, Record};
use crate::pack::condition::Value;
use crate::pack::{Choice as ChoiceOption, Decision, Item, Kind, Phase, Scale, Text};
use crate::state::answer::Given;
use crate::text::table::new_table;
use crate::text::terminal_md;
use crate::tr;

mod respondents;

pub struct TermUi {
    term: Term,
    theme: Box<dyn Theme>,
    /// The language of messages.
    lang: Lang,
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

    /// The menu behind Esc.
    fn menu(&self, can_go_back: bool, raises_actions: bool) -> Result<Action> {
        let lang = self.lang;
        let mut actions = vec![(
            Action::Answer,
            lang.pick("Svara på punkten", "Answer the item"),
        )];
        if can_go_back {
            actions.push((
                Action::Back,
                lang.pick("Tillbaka till förra punkten", "Back to the previous item"),
            ));
        }
        actions.extend([
            (
                Action::Skip,
                lang.pick(
                    "Hoppa över (tas upp igen i slutet)",
                    "Skip (offered again at the end)",
                ),
            ),
            (
                Action::NotApplicable,
                lang.pick(
                    "Ej tillämplig, med ett skäl",
                    "Not applicable, with a reason",
                ),
            ),
            (Action::Help, lang.pick("Visa hjälp", "Show the help")),
            (
                Action::Note,
                lang.pick(
                    "Skriv en anteckning till svaret",
                    "Write a note on the answer",
                ),
            ),
        ]);
        if raises_actions {
            actions.push((Action::Raise, lang.pick("Ny åtgärd", "New action")));
        }
        actions.push((
            Action::Quit,
            lang.pick("Spara och fortsätt senare", "Save and go on later"),
        ));
        let labels: Vec<&str> = actions.iter().map(|(_, l)| *l).collect();
        let chosen = Select::with_theme(&*self.theme)
            .with_prompt(lang.pick("Vad vill ni göra?", "What do you want to do?"))
            .items(&labels)
            .default(0)
            .interact_opt()?;
        Ok(match chosen {
            Some(i) => actions.swap_remove(i).0,
            None => Action::Answer,
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
                .with_prompt(q.item.prompt.get(q.lang))
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
            .with_prompt(q.item.prompt.get(q.lang))
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
            .with_prompt(q.item.prompt.get(q.lang))
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
            .with_prompt(format!(
                "{} {}",
                q.item.prompt.get(q.lang),
                style(self.lang.pick(
                    "(mellanslag väljer, Enter klar)",
                    "(space picks, Enter done)"
                ))
                .dim()
            ))
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
            .with_prompt(q.item.prompt.get(q.lang))
            .items(&items)
            .default(default)
            .interact_opt()?;
        Ok(match chosen {
            Some(i) if i < points.len() => Some(Given::Value(Value::Num(points[i] as f64))),
            Some(i) if q.dont_know && i == points.len() => Some(Given::DontKnow),
            _ => None,
        })
    }

    /// A long text: in the editor, or one line here.
    fn long_text(&self, q: &Question<'_>, current_value: Option<&Value>) -> Result<Option<Given>> {
        let prompt = q.item.prompt.get(q.lang);
        let current = match current_value {
            Some(Value::Str(s)) => s.clone(),
            _ => String::new(),
        };
        let items = [
            self.lang.pick("Skriv i editorn", "Write in the editor"),
            self.lang.pick("Skriv en rad här", "Write one line here"),
            self.more(),
        ];
        let chosen = Select::with_theme(&*self.theme)
            .with_prompt(prompt)
            .items(items)
            .default(0)
            .interact_opt()?;
        match chosen {
            Some(0) => Ok(self
                .edit(&current)?
                .map(|t| t.trim_end().to_string())
                .filter(|t| !t.trim().is_empty())
                .map(|t| Given::Value(Value::Str(t)))),
            Some(1) => self.line(prompt, &current, &q.item.kind),
            _ => Ok(None),
        }
    }

    /// A line of text, checked for the item's kind; empty opens the menu.
    fn line(&self, prompt: &str, current: &str, kind: &Kind) -> Result<Option<Given>> {
        let lang = self.lang;
        let kind_for_check = kind.clone();
        let text: String = Input::with_theme(&*self.theme)
            .with_prompt(format!(
                "{prompt} {}",
                style(lang.pick("(tom rad: fler val)", "(empty line: more)")).dim()
            ))
            // An earlier answer may come from anyone's entry: no escapes,
            // but its line breaks stay, so that keeping it keeps them.
            .with_initial_text(terminal_md::visible_lines(current))
            .allow_empty(true)
            .validate_with(move |text: &String| -> Result<(), String> {
                if text.trim().is_empty() {
                    return Ok(());
                }
                crate::state::answer::typed_in(&kind_for_check, text)
                    .map(|_| ())
                    .map_err(|why| why.say(lang))
            })
            .interact_text()?;
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
            match (self.field(label, current, check)?, check) {
                (Some(text), _) => given.push(text),
                (None, Check::Optional) => given.push(String::new()),
                (None, _) => return Ok(None),
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
        let source = self.field(Field::Source, &source, Check::Optional)?;
        Ok(Some(Given::Measured(crate::state::answer::Measured {
            value: typed_number(&value),
            date: typed_day(&date),
            source,
        })))
    }

    /// One field of an indicator or a measurement, checked; `None` when a
    /// field that must be given is left empty (or an optional one is).
    fn field(&self, label: Field, current: &str, check: Check) -> Result<Option<String>> {
        let lang = self.lang;
        let text: String = Input::with_theme(&*self.theme)
            .with_prompt(label.words(lang).trim_end_matches(':'))
            .with_initial_text(terminal_md::visible_lines(current))
            .allow_empty(true)
            .validate_with(move |text: &String| check.why_not(text, lang).map_or(Ok(()), Err))
            .interact_text()?;
        Ok(Some(text.trim().to_string()).filter(|t| !t.is_empty()))
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
        self.say(
            &style(format!(
                "{} {}/{}{required}",
                q.phase.title.get(q.lang),
                q.number,
                q.total
            ))
            .dim()
            .to_string(),
        )?;
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
        let mut input = Input::<String>::with_theme(&*self.theme)
            .with_prompt(format!(
                "{what} {}",
                style(lang.pick("(tom rad: avbryt)", "(empty line: cancel)")).dim()
            ))
            .allow_empty(true);
        if !initial.is_empty() {
            input = input.with_initial_text(terminal_md::visible(initial));
        }
        let text = input.interact_text()?;
        if text.trim().is_empty() {
            return Ok(None);
        }
        let Some(owner) = self.owner(people)? else {
            return Ok(None);
        };
        let due: String = Input::with_theme(&*self.theme)
            .with_prompt(lang.pick("Senast (ÅÅÅÅ-MM-DD)", "Due (YYYY-MM-DD)"))
            .validate_with(move |text: &String| -> Result<(), String> {
                match crate::text::day::parse_day(text.trim()) {
                    Some(_) => Ok(()),
                    None => Err(not_a_day(lang, text.trim())),
                }
            })
            .interact_text()?;
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
    /// `None` on Esc.
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
        let owner: String = Input::with_theme(&*self.theme)
            .with_prompt(lang.pick("Ansvarig (namn)", "Owner (name)"))
            .validate_with(move |text: &String| -> Result<(), String> {
                if text.trim().is_empty() {
                    Err(lang
                        .pick("skriv vem som ansvarar", "write who sees to it")
                        .to_string())
                } else {
                    Ok(())
                }
            })
            .interact_text()?;
        Ok(Some(owner.trim().to_string()))
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
            ui.pick("Ej tillämpligt", "Not applicable"),
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

    /// The planned day of the next gate; an empty line plans none.
    fn next_gate(&self) -> Result<Option<jiff::civil::Date>> {
        let lang = self.lang;
        let day: String = Input::with_theme(&*self.theme)
            .with_prompt(format!(
                "{} {}",
                lang.pick("Nästa beslutspunkt", "Next gate"),
                style(lang.pick(
                    "(ÅÅÅÅ-MM-DD; tom rad: ingen planerad)",
                    "(YYYY-MM-DD; empty line: none planned)"
                ))
                .dim()
            ))
            .allow_empty(true)
            .validate_with(move |text: &String| -> Result<(), String> {
                let text = text.trim();
                if text.is_empty() || crate::text::day::parse_day(text).is_some() {
                    Ok(())
                } else {
                    Err(not_a_day(lang, text))
                }
            })
            .interact_text()?;
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
    /// then `None`.
    fn reason_for(&self, question: &str) -> Result<Option<String>> {
        for attempt in 0..2 {
            let text: String = Input::with_theme(&*self.theme)
                .with_prompt(question)
                .allow_empty(true)
                .interact_text()?;
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

    /// A long answer in the user's editor (`VISUAL`, else `EDITOR`, else
    /// vi). An editor that cannot start is told, not fatal: the room goes
    /// back to the item.
    fn edit(&self, current: &str) -> Result<Option<String>> {
        let editor = ["VISUAL", "EDITOR"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
            .unwrap_or_else(|| "vi".to_string());
        match Editor::new()
            .executable(&editor)
            .extension(".md")
            .edit(current)
        {
            Ok(text) => Ok(text),
            Err(err) => {
                self.say(&tr!(
                    self.lang,
                    "Editorn `{editor}` kunde inte startas ({err}); välj \"Skriv en rad här\", eller sätt EDITOR.",
                    "The editor `{editor}` could not be started ({err}); choose \"Write one line here\", or set EDITOR."
                ))?;
                Ok(None)
            }
        }
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
        let lang = self.lang;
        let facilitator: String = Input::with_theme(&*self.theme)
            .with_prompt(lang.pick("Processledare", "Facilitator"))
            .with_initial_text(terminal_md::visible(&default.facilitator))
            .allow_empty(true)
            .interact_text()?;
        if !default.participants.is_empty() {
            let names: Vec<String> = default.participants.iter().map(shown).collect();
            let same = self.confirm(
                &tr!(
                    lang,
                    "Samma deltagare som förra gången ({})?",
                    "The same participants as last time ({})?",
                    names.join(", ")
                ),
                true,
            )?;
            if same {
                return Ok(People {
                    facilitator: facilitator.trim().to_string(),
                    participants: default.participants.clone(),
                });
            }
        }
        let mut participants = Vec::new();
        loop {
            let name: String = Input::with_theme(&*self.theme)
                .with_prompt(lang.pick(
                    "Deltagare (tom rad när alla är med)",
                    "Participant (an empty line when everyone is in)",
                ))
                .allow_empty(true)
                .interact_text()?;
            if name.trim().is_empty() {
                break;
            }
            let role: String = Input::with_theme(&*self.theme)
                .with_prompt(tr!(
                    lang,
                    "Roll för {} (valfri)",
                    "Role of {} (optional)",
                    name.trim()
                ))
                .allow_empty(true)
                .interact_text()?;
            participants.push(Participant {
                name: name.trim().to_string(),
                role: Some(role.trim().to_string()).filter(|r| !r.is_empty()),
            });
        }
        Ok(People {
            facilitator: facilitator.trim().to_string(),
            participants,
        })
    }

    fn ask(&mut self, q: &Question<'_>) -> Result<Reply> {
        let lang = self.lang;
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
                    let text: String = Input::with_theme(&*self.theme)
                        .with_prompt(lang.pick("Anteckning", "Note"))
                        .with_initial_text(terminal_md::visible(
                            note.as_deref().unwrap_or_default(),
                        ))
                        .allow_empty(true)
                        .interact_text()?;
                    note = Some(text.trim().to_string()).filter(|t| !t.is_empty());
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
        let (ui, lang, phase) = (self.lang, ask.lang, ask.phase);
        self.say("")?;
        self.say(
            &style(tr!(
                ui,
                "Beslutspunkt: {}",
                "Gate: {}",
                phase.title.get(lang)
            ))
            .bold()
            .to_string(),
        )?;
        for criterion in &phase.gate.criteria {
            self.say(&format!("  • {}", criterion.text.get(lang)))?;
        }
        let mut items: Vec<&str> = Decision::ALL.iter().map(|d| d.label(ui)).collect();
        items.push(ui.pick("Besluta senare", "Decide later"));
        let chosen = Select::with_theme(&*self.theme)
            .with_prompt(ui.pick("Vad beslutar ni?", "What do you decide?"))
            .items(&items)
            .default(0)
            .interact_opt()?;
        let Some(decision) = chosen.and_then(|i| Decision::ALL.get(i).copied()) else {
            return Ok(None);
        };
        let Some(criteria) = self.criteria(ask, decision)? else {
            return Ok(None);
        };
        let decided_by: String = Input::with_theme(&*self.theme)
            .with_prompt(ui.pick("Vem beslutade?", "Who decided?"))
            // Taken from the log, like every default offered: no escapes.
            .with_initial_text(terminal_md::visible(&ask.people.facilitator))
            .interact_text()?;
        let motivation: String = Input::with_theme(&*self.theme)
            .with_prompt(ui.pick("Varför?", "Why?"))
            .interact_text()?;
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

    fn readiness_result(&mut self, chart: &str) -> Result<()> {
        self.say("")?;
        self.say(chart)
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

/// Why a typed due day is refused.
fn not_a_day(lang: Lang, text: &str) -> String {
    tr!(
        lang,
        "`{text}` är inget datum; skriv en dag som finns, ÅÅÅÅ-MM-DD (2026-03-31)",
        "`{text}` is not a date; write a day the calendar has, YYYY-MM-DD (2026-03-31)"
    )
}
