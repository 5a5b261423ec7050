//! `state`'s parts: reading an answer for its item (`state::answer`), the
//! fold (`state::folding`) and readiness (`state::readiness`).

use crate::i18n::Lang;
use crate::report::state_words::answer_in_line;
use crate::state::answer::Message as Answer;
use crate::state::folding::Message as Folding;
use crate::state::readiness::Message as Readiness;
use crate::words::toml_ids as quoted;

pub fn state_answer(message: &Answer) -> String {
    match message {
        Answer::CheckboxForKind { kind } => {
            format!("en kryssruta passar inte en punkt av typen {kind}")
        }
        Answer::NoOptionTicked => "inget alternativ är ikryssat".to_string(),
        Answer::SeveralOptionsTicked => {
            "flera alternativ är ikryssade, men frågan tar ett".to_string()
        }
        Answer::OptionsForKind { kind } => {
            format!("en lista med alternativ passar inte en punkt av typen {kind}")
        }
        Answer::CheckTakesABox => "en kryssruta besvaras med `- [x]` eller `- [ ]`".to_string(),
        Answer::NotAnOption { text } => {
            format!("`{text}` är inget av alternativen; kryssa i ett alternativ i listan")
        }
        Answer::NotAWholeNumber { start } => {
            format!("svaret ska börja med ett heltal, inte `{start}`")
        }
        Answer::NotANumber { start } => format!("svaret ska börja med ett tal, inte `{start}`"),
        Answer::WriteANumber => "skriv ett tal".to_string(),
        Answer::Unfit(why) => why.say(Lang::Sv),
        Answer::Unanswered => "punkten är inte besvarad, bara åtgärder står vid den".to_string(),
        Answer::TheAnswer => "svaret".to_string(),
        Answer::CriterionStatus => {
            "ett kriteriums status (uppfyllt, inte uppfyllt, skjuts upp) besvarar ingen punkt"
                .to_string()
        }
        Answer::TakesFields { kind } => format!(
            "en punkt av typen {kind} besvaras med sina fält, ett stycke med etikett för varje (docs/log-format.md)"
        ),
        Answer::FieldsForKind { kind } => {
            format!("fält som **Indikator:** passar inte en punkt av typen {kind}")
        }
        Answer::FieldNotOf { field, kind } => {
            format!(
                "en punkt av typen {kind} har inget fält **{}**",
                field.words(Lang::Sv)
            )
        }
        Answer::FieldMissing { field } => {
            format!("**{}** saknas eller är tomt", field.words(Lang::Sv))
        }
        Answer::FieldNotANumber { field, start } => {
            format!(
                "**{}** måste börja med ett tal, inte `{start}`",
                field.words(Lang::Sv)
            )
        }
        Answer::FieldNotADate { field, found } => format!(
            "**{}** måste vara en dag, ÅÅÅÅ-MM-DD, inte `{found}`",
            field.words(Lang::Sv)
        ),
        Answer::MeasuredInFuture { day, today } => {
            format!("en mätning kan inte dateras i framtiden: {day} är efter {today}")
        }
        Answer::MeasuredBeforeBaseline { day, baseline } => {
            format!("mätdagen {day} är före indikatorns utgångsläge ({baseline})")
        }
        Answer::BaselineInFuture { day, today } => {
            format!("utgångsläget kan inte dateras i framtiden: {day} är efter {today}")
        }
        Answer::TargetNotAfterBaseline { target, baseline } => {
            format!("måldagen {target} måste vara efter utgångslägets dag ({baseline})")
        }
    }
}

pub fn state_folding(message: &Folding) -> String {
    match message {
        Folding::WithoutFollows { newest } => format!(
            "skriven utan `follows` efter poster som har det (för hand?): den läses som att den inte har sett någon annan post, så där den svarar annorlunda står den bredvid de andra svaren som en oenighet och ändrar inget; lägg till `follows = [{}]` om den som skrev den hade sett dem",
            quoted(newest)
        ),
        Folding::DatedAhead { date, now } => format!(
            "daterad {date}, mer än ett dygn efter nu ({now}): ett felskrivet datum lägger posten efter allt som skrivs fram till dess; skriv dagen den skrevs"
        ),
        Folding::FollowsUnknown { id } => format!(
            "`follows` nämner `{id}`, men ingen post i loggen har det id:t (togs den bort?)"
        ),
        Folding::UnknownIndicator { indicator, near } => {
            let hint = near
                .as_ref()
                .map(|n| format!("; menar du `{n}`?"))
                .unwrap_or_default();
            format!("`indicator` anger `{indicator}`, som inte är någon indikator i paketet{hint}")
        }
        Folding::UnknownPhase { phase, near } => {
            let hint = near
                .as_ref()
                .map(|n| format!("; menade du `{n}`?"))
                .unwrap_or_default();
            format!("paketet har ingen fas `{phase}`{hint}")
        }
        Folding::NotApplicableWithoutReason { item } => format!(
            "`{item}` är markerad ej tillämplig utan skäl; skriv skälet efter etiketten (punkten räknas som öppen tills dess)"
        ),
        Folding::Unfit { item, why } => format!("`{item}`: {}", state_answer(why)),
        Folding::UnknownProfileQuestion { item, near } => format!(
            "profilen har ingen fråga `{item}`{}",
            near.as_ref().map_or(String::new(), |n| format!("; menade du `{n}`?"))
        ),
        Folding::ProfileChangedDifferently { item, file, who } => format!(
            "profilens `{item}` ändrades annorlunda i {file} ({who}), och ingen av ändringarna hade sett den andra; denna senare gäller. `dino profile set {item} …` avgör saken"
        ),
        Folding::ProfileNotAnAnswer { item } => {
            format!("`{item}`: en ändring av profilen ger ett svar, inte \"ej tillämplig\" eller \"vet ej\"")
        }
        Folding::UnknownItem { phase, item } => format!(
            "fasen `{phase}` har ingen punkt `{item}` (längre); svaret behålls och visas som borttaget"
        ),
        Folding::UnknownCriterion { phase, id } => format!(
            "beslutspunkten i fasen `{phase}` har inget kriterium `{id}` (längre); beslutet behålls"
        ),
        Folding::CriterionNoLongerTaken { phase, id, version } => dropped(phase, id, version),
        Folding::CriterionOutsideGate { id } => format!(
            "kriteriet `{id}` står utanför ett beslut; bara en beslutspunkts post anger kriterier"
        ),
        Folding::ClosesUnknown { id } => {
            format!("`closes` nämner `{id}`, men ingen post i loggen har det id:t")
        }
        Folding::AnsweredDifferently {
            item,
            phase,
            file,
            who,
            kept,
            other,
        } => format!(
            "`{item}` besvarades annorlunda i {file} ({who}), och ingen av dem hade sett den andras svar; det senare svaret gäller: ”{}”; åt sidan: ”{}”. `dino run {phase}` och ett nytt svar avgör saken",
            answer_in_line(kept, Lang::Sv),
            answer_in_line(other, Lang::Sv)
        ),
        Folding::DecidedDifferently {
            phase,
            file,
            who,
            kept,
            other,
        } => format!(
            "beslutspunkten för `{phase}` fick ett annat beslut i {file} ({who}), och ingen av dem hade sett det andra; det senare beslutet gäller: ”{}”; åt sidan: ”{}”. Ett nytt beslut, `dino gate {phase} --decision …`, avgör saken",
            answer_in_line(kept, Lang::Sv),
            answer_in_line(other, Lang::Sv)
        ),
        Folding::UnknownDecision { decision } => {
            format!("det finns inget beslut `{decision}`; välj go, recycle, pause eller stop")
        }
        Folding::NoDecision => "beslutspunkten saknar ett (och bara ett) ikryssat beslut under `<!-- item: decision -->`".to_string(),
    }
}

pub fn state_readiness(message: &Readiness) -> String {
    match message {
        Readiness::NoAssessment => {
            "paketet har ingen självskattning av förutsättningar".to_string()
        }
        Readiness::UnknownStatement { item } => {
            format!("självskattningen har inget påstående `{item}` (skrivs DIMENSION.PÅSTÅENDE)")
        }
        Readiness::Unfit { item, why } => format!("`{item}`: {}", state_answer(why)),
    }
}

/// A criterion recorded by number that the gate no longer takes.
fn dropped(phase: &str, id: &str, version: &str) -> String {
    format!(
        "kriteriet `{id}` registrerades med sitt nummer i paketets version {version}, och inget kriterium vid beslutspunkten i fasen `{phase}` har längre den texten; det räknas inte. Registrera kriterierna igen: `dino gate {phase} --decision … --criterion ID=…` (`dino gate {phase}` visar deras id)"
    )
}
