//! The Swedish wording of the command line, by command and argument: what
//! the doc comments in `cli.rs` and `commands/` say in English.

/// A command's texts, found by its path below `dino` (`""` for dino itself,
/// `"pack show"`).
#[derive(Clone, Copy)]
pub(super) struct CommandText {
    pub path: &'static str,
    pub about: &'static str,
    /// What the long help (`--help`) adds below `about`.
    pub details: Option<&'static str>,
    pub after_help: Option<&'static str>,
    pub after_long_help: Option<&'static str>,
    pub args: &'static [ArgText],
}

/// An argument's texts, found by its id.
#[derive(Clone, Copy)]
pub(super) struct ArgText {
    pub id: &'static str,
    /// The placeholder for its value, where it takes one (`FIL`).
    pub value_name: Option<&'static str>,
    pub help: &'static str,
    /// Only where the English has a long help of its own.
    pub long_help: Option<&'static str>,
}

const fn command(path: &'static str, about: &'static str) -> CommandText {
    CommandText {
        path,
        about,
        details: None,
        after_help: None,
        after_long_help: None,
        args: &[],
    }
}

impl CommandText {
    const fn details(mut self, details: &'static str) -> Self {
        self.details = Some(details);
        self
    }

    const fn after_help(mut self, text: &'static str) -> Self {
        self.after_help = Some(text);
        self
    }

    const fn after_long_help(mut self, text: &'static str) -> Self {
        self.after_long_help = Some(text);
        self
    }

    const fn args(mut self, args: &'static [ArgText]) -> Self {
        self.args = args;
        self
    }
}

/// An argument that takes no value.
const fn flag(id: &'static str, help: &'static str) -> ArgText {
    ArgText {
        id,
        value_name: None,
        help,
        long_help: None,
    }
}

/// An argument with a value, shown as `value_name`.
const fn value(id: &'static str, value_name: &'static str, help: &'static str) -> ArgText {
    ArgText {
        id,
        value_name: Some(value_name),
        help,
        long_help: None,
    }
}

/// Headings above groups of arguments and commands.
pub(super) const USAGE: &str = "Användning:";
pub(super) const COMMANDS_HEADING: &str = "Kommandon";
pub(super) const COMMAND_VALUE: &str = "KOMMANDO";
pub(super) const POSITIONALS_HEADING: &str = "Argument";
pub(super) const OPTIONS_HEADING: &str = "Flaggor";
/// clap's `[OPTIONS]` in a usage line.
pub(super) const OPTIONS_TAG: &str = "[FLAGGOR]";
/// The English headings set in `cli.rs`, in Swedish.
pub(super) const HEADINGS: &[(&str, &str)] = &[("Global options", "Globala flaggor")];

/// What clap would write as `[default: …]` and `[possible values: …]`.
pub(super) const DEFAULT: &str = "förval";
pub(super) const POSSIBLE_VALUES: &str = "möjliga värden";
pub(super) const POSSIBLE_VALUES_HEADING: &str = "Möjliga värden:";

/// Section names of a man page; clap_mangen writes them in English.
pub(super) const MAN_SECTIONS: &[(&str, &str)] = &[
    ("NAME", "NAMN"),
    ("DESCRIPTION", "BESKRIVNING"),
    ("Kommandon", "KOMMANDON"),
    ("EXTRA", "ÖVRIGT"),
];

/// What each value means, by its name, where the English says what it means.
pub(super) const VALUES: &[(&str, &str)] = &[
    ("sv", "svenska"),
    ("en", "engelska"),
    (
        "table",
        "En tabell att läsa (enkla rader i full bredd när utdata går vidare till ett annat program)",
    ),
    (
        "json",
        "JSON för program, med `\"schema\": 1` (docs/json.md)",
    ),
    (
        "md",
        "Markdown, för en kodplattform eller en textredigerare",
    ),
    ("html", "En fristående HTML-sida som går att skriva ut"),
    (
        "docx",
        "Ett Word-dokument att arkivera och skicka vidare; till en fil (`-o`) eller ett rör, aldrig till en terminal",
    ),
    (
        "ics",
        "En iCalendar-fil (RFC 5545) för Outlook, Google Kalender eller Thunderbird",
    ),
    ("decision", "Ett beslut som teamet har fattat"),
    (
        "risk",
        "En risk att hålla ögonen på; en senare post stänger den med --closes",
    ),
    (
        "insight",
        "Något ni har lärt er om problemet, användarna eller idén",
    ),
    ("lesson", "En lärdom inför senare faser eller nästa projekt"),
    ("note", "Allt annat som är värt att spara"),
    (
        "action",
        "Något som någon gör till ett datum: kräver --owner och --due; `dino done` stänger den",
    ),
    ("go", "Fortsätt till nästa fas"),
    ("recycle", "Gör om fasen"),
    ("pause", "Pausa projektet här"),
    (
        "stop",
        "Avsluta projektet: ett giltigt utfall, som loggas som alla andra",
    ),
];

/// Arguments that read the same wherever they appear: the global options,
/// those clap adds, and `--commit`.
pub(super) const SHARED_ARGS: &[ArgText] = &[
    value("chdir", "MAPP", "Kör som om dino hade startats i MAPP"),
    value(
        "lang",
        "SPRÅK",
        "Språk för meddelanden, pakettexter och rapporter; `dino new` skriver arbetsboken på det \
         [förval: DINO_LANG, annars arbetsbokens språk, annars LC_ALL/LC_MESSAGES/LANG, annars sv]",
    ),
    flag(
        "no_input",
        "Fråga aldrig: ta förvalen där det finns några, annars avbryt och säg vad som saknas",
    ),
    value(
        "color",
        "FÄRG",
        "När färg används (med `auto` i en terminal, om inte NO_COLOR är satt)",
    ),
    flag(
        "quiet",
        "Skriv bara ut resultat och fel, inga förlopp eller bekräftelser",
    ),
    flag(
        "commit",
        "Checka in de skrivna filerna med git (utanför ett git-förråd: en notis, ingen incheckning)",
    ),
    ArgText {
        id: "help",
        value_name: None,
        help: "Visa hjälpen (mer med '--help')",
        long_help: Some("Visa hjälpen (en sammanfattning med '-h')"),
    },
    flag("version", "Visa versionen"),
];

const WORKBOOK_PATHS: &str = "Arbetsböcker eller mappar att söka arbetsböcker i [förval: \
     arbetsboken som den här mappen ligger i, annars arbetsböckerna under den]";
const PACK: &str = "Ett inbyggt pakets id eller en paketmapp [förval: paketet för arbetsboken \
     som den här mappen ligger i, annars dino]";
const OUTPUT: &str =
    "Skriv till FIL i stället för till standardutmatningen (`-` betyder standardutmatningen)";

/// Every command, clap's `help` too.
pub(super) const COMMAND_TEXTS: &[CommandText] = &[
    command(
        "",
        "En arbetsbok för innovationsprojekt i offentlig sektor: gå igenom metodens faser som \
         checklistor, för loggen i Markdown och ta fram rapporter ur den",
    )
    .after_long_help(
        "\
Kom igång: `dino new \"Välfärd & lärande\"` skapar en arbetsbok, ställer profilfrågorna och kör \
den första fasen; sedan `cd valfard-larande` och `dino status`.

Slutstatus: 0 klart; 1 fel; 2 felaktig användning; 3 en kontroll hittade något (dino check, dino \
pack check, dino gate --check); 129, 130 eller 143 avbrutet (terminalen stängdes, Ctrl-C, \
processen avslutades), och alla svar som getts finns kvar i utkastet.

Miljövariabler: DINO_LANG, språket (sv eller en), som --lang. DINO_USER, vem som registreras när \
ingen tillfrågas (annars git:s user.name, annars inloggningsnamnet). DINO_NOW, en tidpunkt i RFC \
3339 som låser klockan, för utdata som blir likadan varje gång. VISUAL eller EDITOR, \
textredigeraren som `dino note` öppnar. NO_COLOR, ingen färg med --color auto.",
    ),
    command("new", "Skapa en arbetsbok för ett nytt projekt")
        .details(
            "En mapp uppkallad efter NAMN i förenklad form, med workbook.toml (metodpaketet och \
             projektprofilen), pack-snapshot.toml och log/. I en terminal ställer dino \
             profilfrågorna och erbjuder sedan att börja den första fasen.",
        )
        .after_help("Exempel: dino new \"Välfärd & lärande\" --pack ../metod --commit")
        .args(&[
            value(
                "name",
                "NAMN",
                "Projektets namn; mappen får namnet i förenklad form (\"Välfärd & lärande\" ger \
                 valfard-larande/)",
            ),
            value(
                "pack",
                "ID|SÖKVÄG",
                "Metodpaketet: ett inbyggt pakets id eller en paketmapp",
            ),
            value(
                "profile",
                "FIL",
                "Svar på profilfrågorna i en TOML-fil (`procurement = \"yes\"`; `dino pack show` \
                 visar frågorna); utan den frågar dino i en terminal, annars gäller paketets förval",
            ),
        ]),
    command("run", "Gå igenom checklistan för en fas tillsammans med teamet")
        .details(
            "Varje svar sparas i ett utkast så fort det ges, så en session kan avbrytas och \
             fortsätta senare; när den är klar skrivs en post till log/, och beslutspunkten \
             erbjuds när dess kriterier är uppfyllda. `dino run readiness` gör självskattningen av \
             förutsättningar. Utan terminal ges svaren i en fil.",
        )
        .after_help("Exempel: dino run initiering --answers svar.toml --commit")
        .args(&[
            value(
                "phase",
                "FAS",
                "Fasens id (`dino pack show` visar dem), eller `readiness` för självskattningen av \
                 förutsättningar [förval: den aktuella fasen, eller fasen för en avbruten session]",
            ),
            value(
                "answers",
                "FIL",
                "Svar i en TOML-fil i stället för frågor, för skript (formatet beskrivs i dinos \
                 docs/answers-format.md; examples/answers/ har ett exempel)",
            ),
            flag(
                "open",
                "Fråga bara de punkter som är öppna: krav som inte är klara och valfria punkter \
                 utan svar; de besvarade behålls som de är (inte med --answers, vars fil säger \
                 vad den svarar på)",
            ),
            value(
                "respondent",
                "NAMN",
                "Svara på självskattningen av förutsättningar ensam, som NAMN: bara dina egna                  svar visas, och de skrivs i en egen post; svar som getts var för sig inom 14                  dagar jämförs som en skattning (`dino status`, `dino report`). Kräver en terminal",
            ),
        ]),
    command("status", "Visa var ett projekt, eller en portfölj, står")
        .details(
            "En arbetsbok: dess faser med hur långt de kommit och deras beslutspunkter, den \
             aktuella fasen och dess nästa öppna punkter, svar som går isär och vad som ändrats i \
             paketet. Flera, eller en mapp med många: en rad per arbetsbok.",
        )
        .args(&[
            value("paths", "SÖKVÄG", WORKBOOK_PATHS),
            value("format", "FORMAT", "Format för utdata"),
        ]),
    command("log", "Lista loggen: varje post i ordning, en rad per post")
        .details("Datum, sort, fas, rubrik, vem som skrev posten och id; och incheckningen som lade till den, där git vet det.")
        .args(&[
            value(
                "path",
                "SÖKVÄG",
                "Arbetsboken [förval: den som den här mappen ligger i]",
            ),
            value(
                "format",
                "FORMAT",
                "Format för utdata; JSON har med varje registrerat värde",
            ),
            value(
                "item",
                "ID",
                "I stället varje värde som en punkt har haft: FAS.PUNKT (eller punktens id ensamt), med vem som gav det, när, i vilken post och incheckning, och om det gäller",
            ),
        ]),
    command(
        "note",
        "Skriv ett beslut, en risk, en insikt, en lärdom, en anteckning eller en åtgärd i loggen",
    )
    .after_help(
        "Exempel:\n  dino note beslut \"Vi prövar i två skolor först\"\n  dino note åtgärd \
         \"Boka möte med AF\" --owner \"Karin Lindqvist\" --due 2026-03-31\n  dino note risk \
         \"Piloten saknar lärare\" --owner Eva --due 2026-04-15 --mitigation \"Fråga Komvux\"\n  \
         dino note lärdom --closes a1bf6e \"Budgeten räckte\"",
    )
    .args(&[
        value("kind", "SORT", "Postens sort"),
        value(
            "text",
            "TEXT",
            "Texten (Markdown, sparas som den skrivs); `-` läser den från standardinmatningen (stdin); utan den \
             öppnas $VISUAL eller $EDITOR (i en terminal)",
        ),
        value(
            "closes",
            "POST",
            "En tidigare post (oftast en risk) som den här stänger, med det id som `dino log` \
             visar; kan anges flera gånger",
        ),
        value(
            "phase",
            "FAS",
            "Id för fasen som posten hör till [förval: den aktuella fasen]",
        ),
        value(
            "owner",
            "NAMN",
            "Vem som ser till det: en åtgärds ansvarige (krävs), eller en risks",
        ),
        value(
            "due",
            "DATUM",
            "När det ska vara klart, som ÅÅÅÅ-MM-DD: en åtgärds datum (krävs), eller när en \
             risks motåtgärd ska vara gjord",
        ),
        value("mitigation", "TEXT", "Vad som görs åt en risk"),
    ]),
    command(
        "due",
        "Visa vad som står på tur eller är försenat: åtgärder, risker, uppskjutna kriterier, mätningar, indikatorers mål och nästa beslutspunkt",
    )
    .details(
        "För arbetsboken som den här mappen ligger i, eller för varje arbetsbok under mapparna \
         som anges: i datumordning, de försenade först och markerade.",
    )
    .after_help(
        "Exempel:\n  dino due\n  dino due portfolj/ --within 14 --owner \"Karin Lindqvist\"\n  \
         dino due portfolj/ --format ics > att-folja-upp.ics\n  dino due portfolj/ --check   \
         (slutstatus 3 om något är försenat)",
    )
    .args(&[
        value("paths", "SÖKVÄG", WORKBOOK_PATHS),
        value(
            "within",
            "DAGAR",
            "Bara det som ska vara klart inom så här många dagar (det försenade alltid)",
        ),
        value("owner", "NAMN", "Bara det som den här personen ansvarar för"),
        value("format", "FORMAT", "Format för utdata"),
        flag(
            "check",
            "Avsluta med 3 om något är försenat; för ett schemalagt CI-jobb",
        ),
    ]),
    command(
        "done",
        "Stäng en åtgärd eller en risk: skriv en post som säger att den är klar",
    )
    .after_help(
        "Exempel:\n  dino done 7a41c0\n  dino done 7a41c0 \"Mötet hölls; siffrorna finns i \
         bilaga 2\" --commit",
    )
    .args(&[
        value(
            "id",
            "ID",
            "Åtgärden eller risken, med det id som `dino due` och `dino log` visar",
        ),
        value(
            "text",
            "TEXT",
            "Hur det gick (Markdown, sparas som den skrivs) [förval: det som den sa]",
        ),
    ]),
    command(
        "resolve",
        "Avgör en oenighet: det svar som ska gälla, i en post av sin egen",
    )
    .details(
        "Två grenar som besvarat en punkt utan att ha sett varandras svar är oeniga (`dino status` \
         visar det). Posten som skrivs följer båda, så svaret den ger gäller och oenigheten är \
         avgjord. En beslutspunkt med olika beslut avgörs av ett nytt beslut (`dino gate FAS \
         --decision …`).",
    )
    .after_help(
        "Exempel:\n  dino resolve initiering.malbild\n  dino resolve malbild --keep 3f9a1c\n  \
         dino resolve budget --take \"150 000 kronor, till och med juni\" --commit",
    )
    .args(&[
        value(
            "item",
            "PUNKT",
            "Punkten i oenighet: FAS.PUNKT, eller bara punktens id",
        ),
        value(
            "keep",
            "POST",
            "Behåll svaret i den här posten (dess id, som `dino status` och `dino log --item` visar det)",
        ),
        value(
            "take",
            "VÄRDE",
            "Ge det här svaret i stället (en text, ett tal, ett datum eller ett vals id)",
        ),
    ]),
    command("measure", "Registrera en mätning av en indikator")
        .after_help(
            "Exempel:\n  dino measure test.effekt 95\n  dino measure effekt 87,5 --date 2026-10-01 \
             --source \"Ärendesystemet\" --commit",
        )
        .args(&[
            value(
                "id",
                "ID",
                "Indikatorn, `fas.punkt` (eller bara punktens id när ingen annan fas har det)",
            ),
            value(
                "value",
                "VÄRDE",
                "Det uppmätta värdet, ett tal (decimalkomma går bra)",
            ),
            value(
                "date",
                "DATUM",
                "Dagen då värdet mättes, ÅÅÅÅ-MM-DD [förval: i dag]",
            ),
            value("source", "TEXT", "Var värdet kommer ifrån"),
        ]),
    command(
        "roster",
        "Lista projektets deltagare, eller rätta, lägg till eller ta bort någon",
    )
    .details(
        "Utan underkommando: alla som har lett eller varit med i en session, en beslutspunkt eller \
         en bedömning av förutsättningarna, eller som har lagts till, med sin senaste roll och \
         posten där de senast fanns med. En ändring är en ny post i loggen; tidigare poster står \
         kvar som de skrevs.",
    )
    .after_help(
        "Exempel:\n  dino roster\n  dino roster fix \"Amina Hassan, enhetschef Komvux\" --name \
         \"Amina Hassan\" --role \"enhetschef Komvux\"\n  dino roster add \"Leila Berg\" --role \
         Rektor --commit\n  dino roster remove \"Eva Ström\" --reason \"Har slutat\"",
    )
    .args(&[
        value("format", "FORMAT", "Format för listan"),
        value("reason", "TEXT", "Varför; sparas som postens text"),
    ]),
    command(
        "roster fix",
        "Rätta ett namn som det skrevs: vad det ska vara, och rollen (på svenska: rätta)",
    )
    .args(&[
        value("was", "NAMN", "Namnet som det skrevs"),
        value("name", "NAMN", "Namnet som det ska vara [förval: som det skrevs]"),
        value("role", "ROLL", "Personens roll"),
        value("reason", "TEXT", "Varför; sparas som postens text"),
    ]),
    command(
        "roster add",
        "Lägg till någon som kommer med i projektet (på svenska: lägg-till)",
    )
    .args(&[
        value("name", "NAMN", "Personens namn"),
        value("role", "ROLL", "Personens roll"),
        value("reason", "TEXT", "Varför; sparas som postens text"),
    ]),
    command(
        "roster remove",
        "Ta bort någon som har lämnat projektet: erbjuds inte längre vid en session; deras \
         tidigare poster behåller dem (på svenska: ta-bort)",
    )
    .args(&[
        value("name", "NAMN", "Personens namn"),
        value("reason", "TEXT", "Varför; sparas som postens text"),
    ]),
    command(
        "gate",
        "Visa beslutspunkten för en fas, kontrollera den i CI eller registrera ett beslut",
    )
    .details(
        "Utan flaggor, i en terminal, frågar dino efter beslutet när beslutspunkten är redo; \
         annars visas beslutspunktens läge och dess öppna punkter.",
    )
    .after_help("För CI (docs/ci.md): dino -C ARBETSBOK gate FAS --check")
    .args(&[
        value("phase", "FAS", "Fasens id [förval: den aktuella fasen]"),
        flag(
            "check",
            "Avsluta med 3 om beslutspunkten inte är passerad (med beslutet `go`); för CI",
        ),
        value(
            "decision",
            "BESLUT",
            "Registrera det här beslutet (med --why); `go` (`fortsätt`) kräver att de obligatoriska punkterna \
             är klara eller ej tillämpliga, och att varje kriterium är uppfyllt, skjuts upp eller \
             inte är tillämpligt",
        ),
        value(
            "by",
            "NAMN",
            "Vem som beslutade [förval: DINO_USER, annars git:s user.name, annars \
             inloggningsnamnet]",
        ),
        value("why", "TEXT", "Skälet som registreras med beslutet"),
        value(
            "condition",
            "TEXT",
            "Ett villkor för beslutet: en åtgärd, med sin --owner och sin --due (kan upprepas; \
             första --owner och --due hör till första --condition, och så vidare)",
        ),
        value(
            "owner",
            "NAMN",
            "Vem som ansvarar för villkoret på samma plats; en --owner mer än antalet --condition \
             ansvarar för kriterierna som skjuts upp",
        ),
        value(
            "due",
            "DATUM",
            "När villkoret på samma plats ska vara klart (ÅÅÅÅ-MM-DD); en --due mer än antalet \
             --condition är när kriterierna som skjuts upp ska vara klara",
        ),
        value(
            "criterion",
            "ID=STATUS",
            "Ett kriteriums status vid beslutspunkten, med dess id (`dino pack show`): \
             ID=uppfyllt, ID=inte-uppfyllt, ID=ej:SKÄL, ID=skjuts-upp eller ID=skjuts-upp:TEXT \
             (en åtgärd, med den --owner och --due som kommer efter villkorens), eller på \
             engelska ID=met, ID=not-met, ID=na:SKÄL, ID=deferred[:TEXT]; kan upprepas",
        ),
        value(
            "next",
            "DATUM",
            "Planerat datum för nästa beslutspunkt (ÅÅÅÅ-MM-DD); inte med stop",
        ),
    ]),
    command(
        "report",
        "Rapportera om en arbetsbok eller en portfölj: faser, svar, beslut, risker, \
         förutsättningar och diagnosen",
    )
    .args(&[
        value("paths", "SÖKVÄG", WORKBOOK_PATHS),
        value(
            "format",
            "FORMAT",
            "Format för utdata [förval: efter filändelsen på FIL (.md, .html, .json, .docx), annars md]",
        ),
        value("output", "FIL", OUTPUT),
        flag(
            "redact",
            "Byt ut namnen som arbetsboken registrerar (processledare, författare, deltagare, \
             ansvariga, beslutsfattare, svarande) mot roller eller pseudonymer, var de än står; namn som \
             aldrig registreras står kvar, så läs innan du delar",
        ),
        flag(
            "summary",
            "En sida för en chef: för en arbetsbok dess problem och mål, var den står, senaste \
             beslutet, vad som ska följas upp, indikatorerna och förutsättningarna; för en \
             portfölj översikten och förutsättningarna i projekten",
        ),
    ]),
    command(
        "check",
        "Kontrollera arbetsböcker och paket; avsluta med 3 om något hittas",
    )
    .details(
        "Varje problem skrivs på en rad, som fil:rad:kolumn: meddelande (eller fil: meddelande \
         när det gäller hela filen). Slutstatus 0 när allt är i ordning, 3 när något hittats, 1 \
         när en sökväg inte kan läsas.",
    )
    .args(&[
        value(
            "paths",
            "SÖKVÄG",
            "Arbetsböcker, paketmappar eller mappar att söka arbetsböcker i (paket, när de inte \
             har någon arbetsbok) [förval: arbetsboken \
             som den här mappen ligger i, annars arbetsböckerna under den]",
        ),
        flag(
            "history",
            "Fråga också gits historik om en incheckad post ändrats i en senare incheckning (en \
             post som ändrats i arbetskopian nämns alltid)",
        ),
    ]),
    command(
        "upgrade",
        "Flytta en arbetsbok till den aktuella versionen av dess paket, efter att ha visat vad \
         som ändrats",
    )
    .details(
        "Visar varje ändring sedan den version som arbetsboken registrerade (punkter som lagts \
         till, tagits bort, formulerats om eller ändrats), frågar och registrerar sedan den nya \
         versionen i workbook.toml och en ny pack-snapshot.toml. Loggen skrivs aldrig om: svar på \
         borttagna punkter finns kvar och visas som borttagna. Nya profilfrågor, och sådana vars \
         svar inte längre passar, besvaras från --profile, annars i en terminal, annars med \
         paketets förval.",
    )
    .args(&[
        flag(
            "yes",
            "Registrera den nya versionen utan att fråga (behövs utan terminal)",
        ),
        value(
            "profile",
            "FIL",
            "Svar på nya profilfrågor, eller på sådana vars svar inte längre passar, från en \
             TOML-fil (som `dino new --profile`)",
        ),
    ]),
    command(
        "profile",
        "Visa projektprofilen, eller ändra den med en post i loggen",
    )
    .details(
        "Utan argument: varje fråga, dess svar och var svaret kommer ifrån (workbook.toml eller \
         posten som ändrade det). Profilen ändras bara med en post i loggen, aldrig genom att \
         redigera workbook.toml.",
    )
    .after_help(
        "Exempel:\n  dino profile\n  dino profile set procurement yes --reason \"Vi behöver en \
         enkättjänst\"\n  dino profile --review --commit",
    )
    .args(&[
        flag(
            "review",
            "Gå igenom varje fråga med dagens svar förvalt och skriv det som ändrades (i en terminal)",
        ),
        value(
            "reason",
            "TEXT",
            "Varför profilen ändras; sparas som anteckning vid varje svar",
        ),
    ]),
    command(
        "profile set",
        "Ändra ett svar: ett alternativ (dess id eller etikett) för ett val, true eller false \
         för en kryssruta, alternativ åtskilda av kommatecken för flerval",
    )
    .args(&[
        value("id", "ID", "Profilfrågans id"),
        value("value", "VÄRDE", "Det nya svaret"),
        value(
            "reason",
            "TEXT",
            "Varför profilen ändras; sparas som anteckning vid varje svar",
        ),
    ]),
    command(
        "pack",
        "Arbeta med metodpaket: faserna, punkterna och beslutspunkterna som en arbetsbok följer",
    ),
    command(
        "pack list",
        "Lista de inbyggda paketen och de som finns under mapparna som anges med --pack",
    )
    .args(&[value(
        "packs",
        "SÖKVÄG",
        "En paketmapp eller en mapp att söka paket i (kan anges flera gånger)",
    )]),
    command(
        "pack show",
        "Visa ett pakets profil, förutsättningar, faser och punkter; eller en fas i sin helhet",
    )
    .after_help("Exempel: dino pack show dino initiering")
    .args(&[
        value("pack", "ID|SÖKVÄG", PACK),
        value(
            "phase",
            "FAS",
            "Visa bara den här fasen, med dess syfte, vägledning och beslutspunkt",
        ),
    ]),
    command(
        "pack check",
        "Kontrollera paket mot paketformatet; avsluta med 3 om något hittas",
    )
    .details(
        "Varje problem skrivs på en rad, som fil:rad:kolumn: meddelande. Slutstatus 0 när allt är \
         i ordning, 3 när något hittats, 1 när en sökväg inte innehåller något paket.",
    )
    .args(&[value(
        "paths",
        "ID|SÖKVÄG",
        "Paketmappar, eller inbyggda paket med sitt id, att kontrollera",
    )]),
    command(
        "pack doc",
        "Skriv ut ett pakets handbok för processledare, i Markdown eller HTML",
    )
    .details(
        "Varje fas med sitt syfte och sin vägledning, varje punkt med sin hjälptext och när den \
         gäller.",
    )
    .args(&[
        value("pack", "ID|SÖKVÄG", PACK),
        value(
            "format",
            "FORMAT",
            "Format för utdata [förval: efter filändelsen på FIL (.md, .html), annars md]",
        ),
        value("output", "FIL", OUTPUT),
    ]),
    command(
        "pack new",
        "Skapa en paketmapp med ett litet, giltigt paket att utgå från",
    )
    .args(&[value(
        "dir",
        "MAPP",
        "Mappen som skapas; dess namn blir paketets id",
    )]),
    command(
        "diff",
        "Visa vad som ändrats i arbetsboken mellan två git-revisioner",
    )
    .details(
        "Svar, beslut vid beslutspunkter, åtgärder, risker, mognad, mätningar, oenigheter och \
         profilen, jämförda så som dino läser dem, inte som Markdown. Utan revision: från där \
         grenen lämnade sin uppströmsgren (`git merge-base HEAD @{upstream}`) till arbetskopian, \
         med poster som inte är incheckade. Med en: från den till arbetskopian. Med två: från \
         den första till den andra. Indexet och arbetskopian lämnas som de är.",
    )
    .after_help(
        "Exempel:\n  dino diff\n  dino diff main\n  dino diff v1.0 HEAD --format json\n  dino diff \
         origin/main --format md > kommentar.md",
    )
    .args(&[
        value(
            "from",
            "REV1",
            "Revisionen att jämföra från [förval: förgreningen från uppströmsgrenen, annars HEAD]",
        ),
        value(
            "to",
            "REV2",
            "Revisionen att jämföra till [förval: arbetskopian]",
        ),
        value(
            "workbook",
            "SÖKVÄG",
            "Arbetsboken [förval: arbetsboken som den här mappen ligger i]",
        ),
        value("format", "FORMAT", "Format för utdata"),
    ]),
    command(
        "completions",
        "Skriv ut skalkompletteringar för bash, zsh, fish, elvish eller PowerShell",
    )
    .details(
        "Till exempel för bash: `mkdir -p ~/.local/share/bash-completion/completions && dino \
         completions bash > ~/.local/share/bash-completion/completions/dino`.",
    )
    .args(&[value("shell", "SKAL", "Skalet som kompletteringarna är till")]),
    command("man", "Skriv ut manualsidan (roff) på standardutmatningen")
        .details(
            "Utan KOMMANDO sidan för dino själv, dino(1); med ett kommando sidan för det, med \
             alla dess flaggor, som dino-run(1).",
        )
        .after_help(
            "Exempel: dino man > ~/.local/share/man/man1/dino.1; dino man run > \
             ~/.local/share/man/man1/dino-run.1",
        )
        .args(&[value(
            "command",
            "KOMMANDO",
            "Ett kommando, eller ett kommando och dess underkommando (`pack show`)",
        )]),
    command(
        "help",
        "Visa den här hjälpen eller hjälpen för de angivna kommandona",
    ),
];

/// The texts of the command at `path`.
pub(super) fn command_text(path: &str) -> Option<&'static CommandText> {
    COMMAND_TEXTS.iter().find(|c| c.path == path)
}

/// The texts of argument `id` of the command at `path`.
pub(super) fn arg_text(path: &str, id: &str) -> Option<&'static ArgText> {
    let own = command_text(path).and_then(|c| c.args.iter().find(|a| a.id == id));
    own.or_else(|| SHARED_ARGS.iter().find(|a| a.id == id))
}

/// What the value `name` means.
pub(super) fn value_text(name: &str) -> Option<&'static str> {
    VALUES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// A heading set in `cli.rs`, in Swedish.
pub(super) fn heading(english: &str) -> Option<&'static str> {
    HEADINGS
        .iter()
        .find(|(en, _)| *en == english)
        .map(|(_, sv)| *sv)
}
