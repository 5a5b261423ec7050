//! The built-in pack adapts to the project: four profiles, as four kinds of
//! project would answer them, give checklists that differ in their items
//! and in their words.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::pinned;

/// The four projects: a name, and the profile file's text (`None`: the
/// pack's defaults, as `dino new --no-input` takes them).
const PROJECTS: [(&str, Option<&str>); 4] = [
    (
        "Liten kommun",
        Some(
            "org_kind = \"municipality\"\ndecision_level = \"unit\"\nprocurement = \"none\"\n\
             personal_data = false\nexternal_funding = false\npartners = []\n",
        ),
    ),
    ("Standard", None),
    (
        "Region",
        Some("org_kind = \"region\"\nprocurement = \"maybe\"\npersonal_data = true\n"),
    ),
    (
        "Myndighet",
        Some(
            "org_kind = \"agency\"\ndecision_level = \"political\"\nprocurement = \"yes\"\n\
             personal_data = true\nexternal_funding = true\n",
        ),
    ),
];

/// A workbook on the built-in pack, made in `dir` with `profile`.
fn workbook(dir: &Path, name: &str, profile: Option<&str>) -> PathBuf {
    let mut args = vec!["new", name, "--no-input"];
    let file = format!("{name}.toml");
    if let Some(text) = profile {
        fs::write(dir.join(&file), text).expect("write the profile");
        args.extend(["--profile", file.as_str()]);
    }
    pinned(dir, &args).code(0);
    let slug = name.to_lowercase().replace(' ', "-");
    dir.join(slug)
}

/// The items that apply, required or not, of every phase, as `phase.item`
/// (none is answered yet: they are all open or unanswered).
fn checklist(workbook: &Path) -> BTreeSet<String> {
    let out = pinned(workbook, &["status", "--format", "json"]);
    out.code(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let mut items = BTreeSet::new();
    for phase in json["workbooks"][0]["phases"].as_array().expect("phases") {
        let id = phase["id"].as_str().expect("phase id");
        for key in ["open", "unanswered"] {
            for item in phase[key].as_array().expect("item ids") {
                items.insert(format!("{id}.{}", item.as_str().expect("item id")));
            }
        }
    }
    items
}

#[test]
fn four_profiles_give_four_checklists() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lists: BTreeMap<&str, BTreeSet<String>> = PROJECTS
        .iter()
        .map(|(name, profile)| (*name, checklist(&workbook(dir.path(), name, *profile))))
        .collect();
    let names: Vec<&str> = lists.keys().copied().collect();
    for (i, a) in names.iter().enumerate() {
        for b in &names[i + 1..] {
            assert_ne!(lists[a], lists[b], "{a} and {b} have the same checklist");
        }
    }
    let has = |name: &str, item: &str| lists[name].contains(item);
    // No purchase, no route and no contract follow-up; "maybe" gets them.
    assert!(!has("Liten kommun", "fokusera.upphandlingsvag"));
    assert!(has("Region", "fokusera.upphandlingsvag"));
    assert!(has("Region", "pilot.avtalsuppfoljning"));
    // The kind of organisation brings its own items.
    assert!(has("Liten kommun", "initiering.kommun_befogenhet"));
    assert!(has("Region", "initiering.region_uppdrag"));
    assert!(has("Myndighet", "initiering.myndighet_uppdrag"));
    assert!(!has("Myndighet", "initiering.kommun_befogenhet"));
    // Political decisions, external funding and personal data.
    assert!(has("Myndighet", "initiering.politisk_forankring"));
    assert!(has("Myndighet", "initiering.finansiar_krav"));
    assert!(has("Myndighet", "fokusera.lika_villkor"));
    assert!(!has("Liten kommun", "fokusera.lika_villkor"));
    assert!(has("Region", "pilot.konsekvensbedomning"));
    assert!(!has("Liten kommun", "pilot.konsekvensbedomning"));
    // Every project follows its effects up with dates of its own.
    for name in &names {
        assert!(has(name, "uppfoljning.matdatum_6") && has(name, "uppfoljning.nyttoagare"));
    }
}

#[test]
fn the_kind_of_organisation_words_the_checklist_as_it_speaks() {
    let dir = tempfile::tempdir().expect("temp dir");
    // What each team sees of the pack, as its snapshot records it.
    let seen = |name: &str, profile: Option<&str>| {
        let wb = workbook(dir.path(), name, profile);
        fs::read_to_string(wb.join("pack-snapshot.toml")).expect("the snapshot")
    };
    let [small, default, region, agency] = PROJECTS.map(|(name, profile)| seen(name, profile));
    let anchoring = "förankra arbetet hos ";
    assert!(small.contains(&format!("{anchoring}nämnden")), "{small}");
    assert!(default.contains("lyfts till förvaltningsledningen"));
    assert!(region.contains(&format!("{anchoring}regionstyrelsen eller nämnden")));
    assert!(agency.contains(&format!("{anchoring}myndighetschefen")));
    assert!(agency.contains("lyfts till myndighetens ledningsgrupp"));
    for text in [&small, &default, &region, &agency] {
        assert!(!text.contains("{styrelse}") && !text.contains("{ledning}"));
    }
    // An agency is never asked about a committee or department management,
    // nor about elected members it does not have: its political level is
    // the Government Offices.
    assert!(!agency.contains("nämnd") && !agency.contains("förvaltningsledning"));
    assert!(agency.contains(&format!(
        "{anchoring}myndighetschefen och Regeringskansliet."
    )));
    assert!(!agency.contains("förtroendevalda som berörs"), "{agency}");
    assert!(!agency.contains("{politiken}"));
}

#[test]
fn the_light_track_swaps_the_innovation_items_for_a_short_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = workbook(dir.path(), "Standard", None);
    let innovation = checklist(&wb);
    fs::write(
        wb.join("spar.toml"),
        "[answers]\nforandringstyp = \"forfina\"\nlosning_kand = \"ja\"\nplanerbart = \"ja\"\n\
         bryter = \"nej\"\nspar = \"utveckling\"\n",
    )
    .expect("write the answers");
    pinned(&wb, &["run", "initiering", "--answers", "spar.toml"]).code(0);
    let light = checklist(&wb);
    for item in ["fokusera.hur_kan_vi", "initiering.lov_att_utforska"] {
        assert!(innovation.contains(item) && !light.contains(item), "{item}");
    }
    for item in ["fokusera.utv_plan", "initiering.uppdrag"] {
        assert!(!innovation.contains(item) && light.contains(item), "{item}");
    }
    assert!(light.len() < innovation.len(), "the light track is shorter");
    // The team's choice stands beside the diagnostic's verdict.
    pinned(&wb, &["report", "--format", "md"])
        .code(0)
        .stdout_has("verksamhetsutveckling")
        .stdout_has("Teamets val");
}

#[test]
fn a_change_of_profile_names_what_it_now_requires() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wb = workbook(dir.path(), "Standard", None);
    pinned(
        &wb,
        &["--lang", "en", "profile", "set", "external_funding", "true"],
    )
    .code(0)
    .stderr_has("now also required in Initiering: ")
    .stderr_has("[initiering.finansiar_krav]")
    .stderr_has("[uppfoljning.slutrapport]");
    // Nothing new: nothing said.
    pinned(
        &wb,
        &[
            "--lang",
            "en",
            "profile",
            "set",
            "external_funding",
            "false",
        ],
    )
    .code(0)
    .stderr_lacks("now also required");
}
