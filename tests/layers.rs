//! The layers hold: no module imports from a layer above its own.
//!
//! docs/architecture.md is read as the truth: its "Layers" list gives the
//! order, its "Modules" table each module's layer, and its "Not yet so"
//! table the upward imports that remain, each with why. Every `crate::`,
//! `super::` and `self::` path in `src/**/*.rs` (in `use` lines and in code,
//! groups included) is resolved to the module it names. The test fails on
//! an upward import not in that table, on an entry in it that no longer
//! happens (so the list only shrinks), and on a module the table lacks or
//! names wrongly (so the map stays current).
//!
//! Within a layer too, modules do not use each other in a loop: no module
//! uses another that, directly or through others, uses it back. A module's
//! use of its own submodules (a `mod.rs` re-exporting its parts) is not
//! counted, so a module and its parts are not a loop. The loops that remain
//! are listed, each with why, under "Loops not yet broken", and that list
//! only shrinks too.
//!
//! Below the session and the report, no module words a message: it says
//! what it means as data, and `words` words it, one place per language. A
//! wording at a call site (`tr!(…)`, `….pick(…)`) in a module below them
//! fails the test, but for the modules listed under "Words not yet at the
//! edge", each with how many it still has; that list only shrinks too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What docs/architecture.md says.
struct Architecture {
    /// Each layer's rank, lowest first; layers on one line share a rank.
    ranks: BTreeMap<String, usize>,
    /// Each module's layer.
    layers: BTreeMap<String, String>,
    /// The upward imports that remain: `(from, to)`.
    allowed: BTreeSet<(String, String)>,
    /// The loops that remain, each as the modules in it.
    loops: BTreeSet<BTreeSet<String>>,
    /// The modules below the edge that still word messages, and how many.
    wording: BTreeMap<String, usize>,
}

/// One path in the source that names another module.
#[derive(Debug)]
struct Import {
    from: String,
    to: String,
    line: usize,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let arch = architecture(&read(&root().join("docs/architecture.md")));
    let sources = sources(&root().join("src"));
    check_the_map(&arch, &sources);
    let known: BTreeSet<String> = sources.keys().cloned().collect();
    let macros = macros(&sources);
    let mut upward: BTreeMap<(String, String), String> = BTreeMap::new();
    for (module, (path, code)) in &sources {
        for import in imports(module, code, &known, &macros) {
            if rank(&arch, &import.to) > rank(&arch, &import.from) {
                let at = format!("{}:{}", relative(path), import.line);
                upward.entry((import.from, import.to)).or_insert(at);
            }
        }
    }
    let new: Vec<String> = upward
        .iter()
        .filter(|(pair, _)| !arch.allowed.contains(*pair))
        .map(|((from, to), at)| {
            let (lf, lt) = (layer(&arch, from), layer(&arch, to));
            format!("  {from} ({lf}) -> {to} ({lt}), first at {at}")
        })
        .collect();
    let gone: Vec<String> = arch
        .allowed
        .iter()
        .filter(|pair| !upward.contains_key(*pair))
        .map(|(from, to)| format!("  {from} -> {to}"))
        .collect();
    let mut wrong = String::new();
    if !new.is_empty() {
        wrong += &format!(
            "imports from a layer above their own: import from your own layer \
             or below, or move the code to the layer it belongs to:\n{}\n",
            new.join("\n")
        );
    }
    if !gone.is_empty() {
        wrong += &format!(
            "upward imports listed under \"Not yet so\" that no longer \
             happen: take them off the list:\n{}\n",
            gone.join("\n")
        );
    }
    assert!(wrong.is_empty(), "docs/architecture.md:\n{wrong}");
}

#[test]
fn no_modules_use_each_other_in_a_loop() {
    let arch = architecture(&read(&root().join("docs/architecture.md")));
    let sources = sources(&root().join("src"));
    let graph = import_graph(&sources);
    let loops = loops(&graph);
    let new: Vec<String> = loops
        .iter()
        .filter(|members| !arch.loops.contains(*members))
        .map(|members| format!("  {}", describe_loop(&graph, members)))
        .collect();
    let gone: Vec<String> = arch
        .loops
        .iter()
        .filter(|members| !loops.contains(*members))
        .map(|members| {
            let names: Vec<&str> = members.iter().map(String::as_str).collect();
            format!("  {}", names.join(" <-> "))
        })
        .collect();
    let mut wrong = String::new();
    if !new.is_empty() {
        wrong += &format!(
            "modules that use each other in a loop: move what both need \
             to one of them, or below both:\n{}\n",
            new.join("\n")
        );
    }
    if !gone.is_empty() {
        wrong += &format!(
            "loops listed under \"Loops not yet broken\" that no longer \
             are (as listed): take them off the list, or list the loop as it \
             is now:\n{}\n",
            gone.join("\n")
        );
    }
    assert!(wrong.is_empty(), "docs/architecture.md:\n{wrong}");
}

#[test]
fn no_module_below_session_and_report_words_a_message() {
    let arch = architecture(&read(&root().join("docs/architecture.md")));
    let sources = sources(&root().join("src"));
    let edge = arch.ranks["session"];
    let found: BTreeMap<String, (usize, String)> = sources
        .iter()
        .filter(|(module, _)| rank(&arch, module) < edge)
        .filter_map(|(module, (path, code))| {
            let at = wordings(code);
            let first = at.first()?;
            let place = format!("{}:{first}", relative(path));
            Some((module.clone(), (at.len(), place)))
        })
        .collect();
    let mut wrong = String::new();
    for (module, (count, place)) in &found {
        match arch.wording.get(module) {
            None => {
                wrong += &format!(
                    "  {module} words {count} message(s), first at {place}: say it as \
                     data (a variant of the module's `Message`) and word it in `words`\n"
                )
            }
            Some(listed) if count > listed => {
                wrong += &format!(
                    "  {module} words {count} message(s), more than the {listed} \
                     listed: word the new ones in `words`\n"
                )
            }
            Some(listed) if count < listed => {
                wrong += &format!("  {module} words {count}, not {listed}: lower its number\n")
            }
            Some(_) => {}
        }
    }
    for module in arch.wording.keys().filter(|m| !found.contains_key(*m)) {
        wrong += &format!("  {module} words no message any more: take it off the list\n");
    }
    assert!(
        wrong.is_empty(),
        "docs/architecture.md, \"Words not yet at the edge\":\n{wrong}"
    );
}

/// The lines where code words a message at its call site: `tr!(` or
/// `.pick(`.
fn wordings(code: &str) -> Vec<usize> {
    code.lines()
        .enumerate()
        .flat_map(|(i, line)| {
            let n = line.matches("tr!(").count() + line.matches(".pick(").count();
            std::iter::repeat_n(i + 1, n)
        })
        .collect()
}

/// Every module has a row in the map, every row a module, every layer a rank.
#[track_caller]
fn check_the_map(arch: &Architecture, sources: &BTreeMap<String, (PathBuf, String)>) {
    let lacking: Vec<&String> = sources
        .keys()
        .filter(|m| !m.ends_with("::tests") && !arch.layers.contains_key(*m))
        .collect();
    assert!(
        lacking.is_empty(),
        "modules docs/architecture.md does not place in a layer: {lacking:?}"
    );
    let stale: Vec<&String> = arch
        .layers
        .keys()
        .filter(|m| !sources.contains_key(*m))
        .collect();
    assert!(
        stale.is_empty(),
        "docs/architecture.md places modules that are not in src/: {stale:?}"
    );
    for (module, layer) in &arch.layers {
        assert!(
            arch.ranks.contains_key(layer),
            "docs/architecture.md: {module} is in `{layer}`, which is not a layer"
        );
    }
    for (from, to) in &arch.allowed {
        for module in [from, to] {
            assert!(
                sources.contains_key(module),
                "docs/architecture.md, \"Not yet so\": no module {module}"
            );
        }
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

// --- the document ---------------------------------------------------------

fn architecture(doc: &str) -> Architecture {
    let mut ranks = BTreeMap::new();
    for line in section(doc, "Layers") {
        let Some((number, rest)) = line.split_once(". ") else {
            continue;
        };
        let Ok(rank) = number.trim().parse::<usize>() else {
            continue;
        };
        for name in bold_code(rest) {
            ranks.insert(name, rank);
        }
    }
    let layers = table(section(doc, "Modules"))
        .into_iter()
        .map(|cells| (cells[0].clone(), cells[1].clone()))
        .collect();
    let allowed = table(section(doc, "Not yet so"))
        .into_iter()
        .map(|cells| (cells[0].clone(), cells[1].clone()))
        .collect();
    let loops = section(doc, "Loops not yet broken")
        .into_iter()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| l.split('|').nth(1))
        .map(|cell| code_spans(cell).into_iter().collect())
        .collect();
    let wording = table(section(doc, "Words not yet at the edge"))
        .into_iter()
        .map(|cells| {
            let count = cells[1].parse().expect("a count of wordings");
            (cells[0].clone(), count)
        })
        .collect();
    Architecture {
        ranks,
        layers,
        allowed,
        loops,
        wording,
    }
}

/// The names written as `name` in a table cell.
fn code_spans(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The lines under the `## {title}` heading, up to the next `## `.
fn section<'a>(doc: &'a str, title: &str) -> Vec<&'a str> {
    let heading = format!("## {title}");
    let lines: Vec<&str> = doc
        .lines()
        .skip_while(|l| l.trim() != heading)
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .collect();
    assert!(
        !lines.is_empty(),
        "docs/architecture.md has no section `{heading}`"
    );
    lines
}

/// The names written as **`name`**.
fn bold_code(text: &str) -> Vec<String> {
    text.split("**`")
        .skip(1)
        .filter_map(|part| part.split_once("`**").map(|(name, _)| name.to_string()))
        .collect()
}

/// A Markdown table's body rows whose first cell is code, as cells with
/// the backticks taken off.
fn table(lines: Vec<&str>) -> Vec<Vec<String>> {
    lines
        .into_iter()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().trim_matches('`').to_string())
                .collect::<Vec<_>>()
        })
        .filter(|cells| cells.len() >= 2)
        .collect()
}

/// A module's layer: its own row, else its nearest ancestor's.
fn layer<'a>(arch: &'a Architecture, module: &str) -> &'a str {
    let mut name = module;
    loop {
        if let Some(layer) = arch.layers.get(name) {
            return layer;
        }
        match name.rsplit_once("::") {
            Some((parent, _)) => name = parent,
            None => panic!("docs/architecture.md places no module for {module}"),
        }
    }
}

fn rank(arch: &Architecture, module: &str) -> usize {
    arch.ranks[layer(arch, module)]
}

// --- loops ----------------------------------------------------------------

/// For each module, the modules it uses, each with where it first does
/// (`file:line`).
type Graph = BTreeMap<String, BTreeMap<String, String>>;

fn import_graph(sources: &BTreeMap<String, (PathBuf, String)>) -> Graph {
    let known: BTreeSet<String> = sources.keys().cloned().collect();
    let macros = macros(sources);
    let mut graph = Graph::new();
    for (module, (path, code)) in sources {
        let uses = graph.entry(module.clone()).or_default();
        for import in imports(module, code, &known, &macros) {
            let at = format!("{}:{}", relative(path), import.line);
            uses.entry(import.to).or_insert(at);
        }
    }
    graph
}

/// The loops in the graph: each set of two or more modules that all reach
/// each other (a strongly connected component).
fn loops(graph: &Graph) -> BTreeSet<BTreeSet<String>> {
    let reach: BTreeMap<&String, BTreeSet<&String>> =
        graph.keys().map(|m| (m, reachable(graph, m))).collect();
    graph
        .keys()
        .map(|m| {
            reach[m]
                .iter()
                .filter(|other| reach.get(*other).is_some_and(|r| r.contains(m)))
                .map(|other| (*other).clone())
                .collect::<BTreeSet<String>>()
        })
        .filter(|members| members.len() > 1)
        .collect()
}

/// Every module `from` uses, directly or through others; itself only when
/// it is in a loop.
fn reachable<'a>(graph: &'a Graph, from: &String) -> BTreeSet<&'a String> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&String> = graph.get(from).into_iter().flat_map(|u| u.keys()).collect();
    while let Some(module) = stack.pop() {
        if let Some((name, uses)) = graph.get_key_value(module)
            && seen.insert(name)
        {
            stack.extend(uses.keys());
        }
    }
    seen
}

/// A loop named by one shortest way round it, from its first module, each
/// step with where the import is: `a -> b (src/a.rs:3) -> a (src/b.rs:9)`.
fn describe_loop(graph: &Graph, members: &BTreeSet<String>) -> String {
    let start = members.first().expect("a loop has members");
    let mut came_from: BTreeMap<&String, &String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(module) = queue.pop_front() {
        let next = graph[module].keys().filter(|to| members.contains(*to));
        for to in next {
            if to != start && !came_from.contains_key(to) {
                came_from.insert(to, module);
                queue.push_back(to);
            } else if to == start && !came_from.contains_key(start) {
                came_from.insert(start, module);
            }
        }
    }
    let mut back = Vec::new();
    let mut at = came_from[start];
    while at != start {
        back.push(at);
        at = came_from[at];
    }
    back.reverse();
    let way: Vec<&String> = [start].into_iter().chain(back).chain([start]).collect();
    let mut text = start.clone();
    for step in way.windows(2) {
        text += &format!(" -> {} ({})", step[1], graph[step[0]][step[1]]);
    }
    let others: Vec<&str> = members
        .iter()
        .filter(|m| !way.contains(m))
        .map(String::as_str)
        .collect();
    if !others.is_empty() {
        text += &format!("; in the same loop: {}", others.join(", "));
    }
    text
}

// --- the source -----------------------------------------------------------

/// Every module in `src`, by its path (`pack::load::item`; `lib`, `main`),
/// with its file and its code, comments and literals blanked out.
fn sources(src: &Path) -> BTreeMap<String, (PathBuf, String)> {
    let mut files = Vec::new();
    collect_rs(src, &mut files);
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(src).expect("under src");
            let code = code_only(&read(&path));
            (module_name(rel), (path, code))
        })
        .collect()
}

fn collect_rs(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rs(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

fn module_name(rel: &Path) -> String {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.len() > 1 && parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The code with comments, strings and character literals replaced by
/// spaces, line ends kept, so that nothing written in them counts.
fn code_only(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < chars.len() {
        let skipped = literal_or_comment_len(&chars, i);
        if skipped == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        for c in &chars[i..(i + skipped).min(chars.len())] {
            out.push(if *c == '\n' { '\n' } else { ' ' });
        }
        i += skipped;
    }
    out
}

/// How many characters from `i` are a comment or a literal; 0 if none.
fn literal_or_comment_len(c: &[char], i: usize) -> usize {
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let ident_before = i > 0 && (at(i - 1).is_alphanumeric() || at(i - 1) == '_');
    match (at(i), at(i + 1)) {
        ('/', '/') => (i..c.len()).find(|&k| c[k] == '\n').unwrap_or(c.len()) - i,
        ('/', '*') => block_comment_len(c, i),
        ('r', '"' | '#') | ('b', 'r') if !ident_before => raw_string_len(c, i),
        ('b', '"') if !ident_before => 1 + string_len(c, i + 1),
        ('"', _) => string_len(c, i),
        ('\'', '\\') => (i + 2..c.len())
            .find(|&k| c[k] == '\'')
            .map_or(0, |k| k + 1 - i),
        ('\'', _) if at(i + 2) == '\'' => 3,
        _ => 0,
    }
}

fn block_comment_len(c: &[char], i: usize) -> usize {
    let (mut depth, mut k) = (0, i);
    while k < c.len() {
        if c[k] == '/' && c.get(k + 1) == Some(&'*') {
            depth += 1;
            k += 2;
        } else if c[k] == '*' && c.get(k + 1) == Some(&'/') {
            depth -= 1;
            k += 2;
            if depth == 0 {
                break;
            }
        } else {
            k += 1;
        }
    }
    k - i
}

fn string_len(c: &[char], i: usize) -> usize {
    let mut k = i + 1;
    while k < c.len() && c[k] != '"' {
        k += if c[k] == '\\' { 2 } else { 1 };
    }
    k + 1 - i
}

/// `r"…"`, `r#"…"#`, `br"…"`; 0 when `r` starts an identifier instead.
fn raw_string_len(c: &[char], i: usize) -> usize {
    let mut k = i + if c[i] == 'b' { 2 } else { 1 };
    let hashes = c[k..].iter().take_while(|&&ch| ch == '#').count();
    k += hashes;
    if c.get(k) != Some(&'"') {
        return 0;
    }
    k += 1;
    while k < c.len() {
        if c[k] == '"'
            && c[k + 1..]
                .iter()
                .take(hashes)
                .filter(|&&h| h == '#')
                .count()
                == hashes
        {
            return k + 1 + hashes - i;
        }
        k += 1;
    }
    c.len() - i
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Star,
    Other,
}

fn tokens(code: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = code.chars().collect();
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    while i < chars.len() {
        let c = chars[i];
        let token = match c {
            '\n' => {
                line += 1;
                i += 1;
                continue;
            }
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            c if c.is_alphanumeric() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push((Token::Ident(chars[start..i].iter().collect()), line));
                continue;
            }
            ':' if chars.get(i + 1) == Some(&':') => {
                i += 1;
                Token::PathSep
            }
            '{' => Token::Open,
            '}' => Token::Close,
            ',' => Token::Comma,
            '*' => Token::Star,
            _ => Token::Other,
        };
        out.push((token, line));
        i += 1;
    }
    out
}

/// The names of the crate's `macro_rules!` macros, with the module each is
/// written in: `crate::tr!` is a path to `i18n`.
fn macros(sources: &BTreeMap<String, (PathBuf, String)>) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for (module, (_, code)) in sources {
        let toks = tokens(code);
        for w in toks.windows(3) {
            if let [
                (Token::Ident(kw), _),
                (Token::Other, _),
                (Token::Ident(name), _),
            ] = w
                && kw == "macro_rules"
            {
                found.insert(name.clone(), module.clone());
            }
        }
    }
    found
}

/// The modules the code of `module` names by `crate::`, `super::` and
/// `self::` paths, other than itself and its own submodules.
fn imports(
    module: &str,
    code: &str,
    known: &BTreeSet<String>,
    macros: &BTreeMap<String, String>,
) -> Vec<Import> {
    let toks = tokens(code);
    let file_path: Vec<String> = match module {
        "lib" | "main" => Vec::new(),
        m => m.split("::").map(str::to_string).collect(),
    };
    let (mut found, mut inline, mut depth) = (Vec::new(), Vec::<(String, usize)>::new(), 0usize);
    let mut i = 0;
    while i < toks.len() {
        match &toks[i].0 {
            Token::Open => depth += 1,
            Token::Close => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Token::Ident(kw) if kw == "mod" => {
                if let (Some((Token::Ident(name), _)), Some((Token::Open, _))) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    inline.push((name.clone(), depth));
                }
            }
            Token::Ident(kw) if starts_a_path(&toks, i) => {
                let mut here = file_path.clone();
                here.extend(inline.iter().map(|(n, _)| n.clone()));
                let (paths, next) = path_tree(&toks, i + 1);
                for segments in paths {
                    let target = resolve(&base(kw, here.clone()), &segments, known, macros);
                    let own = target == module || target.starts_with(&format!("{module}::"));
                    if !own {
                        found.push(Import {
                            from: module.to_string(),
                            to: target,
                            line: toks[i].1,
                        });
                    }
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Whether `toks[i]` is `crate`, `super` or `self` starting a path.
fn starts_a_path(toks: &[(Token, usize)], i: usize) -> bool {
    let is_start =
        matches!(&toks[i].0, Token::Ident(kw) if matches!(kw.as_str(), "crate" | "super" | "self"));
    let then_sep = toks.get(i + 1).map(|t| &t.0) == Some(&Token::PathSep);
    let after_sep = i > 0 && toks[i - 1].0 == Token::PathSep;
    is_start && then_sep && !after_sep
}

/// Where a path that starts with `kw` starts from, in the module `here`.
fn base(kw: &str, here: Vec<String>) -> Vec<String> {
    match kw {
        "crate" => Vec::new(),
        "super" => here[..here.len().saturating_sub(1)].to_vec(),
        _ => here,
    }
}

/// The paths written from `toks[i]` on (which is a `::`), a group
/// `{a, b::c}` giving one path per member.
fn path_tree(toks: &[(Token, usize)], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    while toks.get(i).map(|t| &t.0) == Some(&Token::PathSep) {
        match toks.get(i + 1).map(|t| &t.0) {
            Some(Token::Ident(name)) => {
                prefix.push(name.clone());
                i += 2;
            }
            Some(Token::Open) => {
                let (members, next) = group(toks, i + 2);
                let paths = members
                    .into_iter()
                    .map(|m| prefix.iter().cloned().chain(m).collect())
                    .collect();
                return (paths, next);
            }
            _ => break,
        }
    }
    (vec![prefix], i)
}

/// The members of a group from just inside its `{` to past its `}`.
fn group(toks: &[(Token, usize)], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut members = Vec::new();
    while i < toks.len() {
        match &toks[i].0 {
            Token::Close => return (members, i + 1),
            Token::Ident(name) => {
                let (paths, next) = path_tree(toks, i + 1);
                for path in paths {
                    members.push(std::iter::once(name.clone()).chain(path).collect());
                }
                i = next;
            }
            Token::Open => {
                let (inner, next) = group(toks, i + 1);
                members.extend(inner);
                i = next;
            }
            _ => i += 1,
        }
    }
    (members, i)
}

/// The module a path names: the longest known module it starts with; a
/// macro at the crate's root is its module's.
fn resolve(
    base: &[String],
    segments: &[String],
    known: &BTreeSet<String>,
    macros: &BTreeMap<String, String>,
) -> String {
    let mut path = base.to_vec();
    for segment in segments {
        match segment.as_str() {
            "super" => {
                path.pop();
            }
            "self" => {}
            name => path.push(name.to_string()),
        }
    }
    for len in (1..=path.len()).rev() {
        let name = path[..len].join("::");
        if known.contains(&name) {
            return name;
        }
    }
    path.first()
        .and_then(|first| macros.get(first))
        .cloned()
        .unwrap_or_else(|| "lib".to_string())
}

// --- the scanner itself ---------------------------------------------------

#[track_caller]
fn case(module: &str, code: &str, expected: &[&str]) {
    let known: BTreeSet<String> = [
        "log",
        "log::name",
        "pack",
        "pack::model",
        "workbook",
        "i18n",
    ]
    .into_iter()
    .map(str::to_string)
    .collect();
    let macros = BTreeMap::from([("tr".to_string(), "i18n".to_string())]);
    let found: Vec<String> = imports(module, &code_only(code), &known, &macros)
        .into_iter()
        .map(|i| i.to)
        .collect();
    assert_eq!(found, expected, "{code}");
}

#[test]
fn the_scanner_finds_every_path_to_another_module() {
    case(
        "log::name",
        "use crate::{pack::model::Pack, workbook};",
        &["pack::model", "workbook"],
    );
    case(
        "log::name",
        "use crate::pack::{self, model::{Item, Kind}};",
        &["pack", "pack::model", "pack::model"],
    );
    case(
        "log::name",
        "fn f() { crate::workbook::open(x) }",
        &["workbook"],
    );
    case(
        "log::name",
        "let s = crate::tr!(lang, \"a\", \"b\");",
        &["i18n"],
    );
    case("log::name", "use super::super::pack::Pack;", &["pack"]);
    case("pack::model", "use super::super::log;", &["log"]);
}

#[test]
fn the_scanner_skips_comments_literals_and_the_module_itself() {
    case(
        "log::name",
        "// crate::workbook\n/* crate::pack /* nested */ */",
        &[],
    );
    case(
        "log::name",
        "let s = \"crate::workbook\"; let r = r#\"crate::pack\"#;",
        &[],
    );
    case(
        "log::name",
        "let c = '\\''; let d = '\"'; use crate::pack;",
        &["pack"],
    );
    case(
        "log::name",
        "#[cfg(test)]\nmod tests {\n    use super::*;\n}\nuse super::read;",
        &["log"],
    );
    case("log::name", "pub(crate) fn f<'a>(x: &'a str) {}", &[]);
}

// --- the loop finder -------------------------------------------------------

fn graph_of(edges: &[(&str, &str)]) -> Graph {
    let mut graph = Graph::new();
    for (from, to) in edges {
        graph.entry(to.to_string()).or_default();
        let at = format!("src/{}.rs:1", from.replace("::", "/"));
        graph
            .entry(from.to_string())
            .or_default()
            .insert(to.to_string(), at);
    }
    graph
}

#[test]
fn the_loop_finder_names_each_loop_by_a_way_round_it() {
    let graph = graph_of(&[
        ("a", "b"),
        ("b", "c"),
        ("c", "a"),
        ("c", "d"),
        ("d", "e"),
        ("e", "d"),
        ("f", "a"),
    ]);
    let found = loops(&graph);
    let names = |m: &[&str]| m.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(
        found,
        BTreeSet::from([names(&["a", "b", "c"]), names(&["d", "e"])])
    );
    assert_eq!(
        describe_loop(&graph, &names(&["a", "b", "c"])),
        "a -> b (src/a.rs:1) -> c (src/b.rs:1) -> a (src/c.rs:1)"
    );
}

#[test]
fn the_loop_finder_finds_none_where_uses_go_one_way() {
    let graph = graph_of(&[
        ("log::read", "log"),
        ("log", "pack"),
        ("log::write", "log::read"),
    ]);
    assert!(loops(&graph).is_empty());
}
