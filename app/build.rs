//! Compiles the locale files (`locales/<language>.ftl`, Fluent) into one method per message on
//! `i18n::Texts`, so that the browser carries the words as plain data and no Fluent runtime, and
//! the code that renders a page only links the words it shows.
//!
//! The build fails, naming the file and the message, when a language lacks a message of the
//! bokmål file or has one it does not, when a translation uses a variable the bokmål message
//! does not, or when a message uses more of Fluent than this subset: text, `{ $variable }`,
//! string literals, and selects on a variable by number (`[0]`) or plural category
//! (`[one]`, `[other]`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::{env, fs, path::Path};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey};

/// The languages, as `Lang`'s variants name them, in the order of their files; bokmål first,
/// since every other file is checked against it.
const LANGUAGES: [(&str, &str); 3] = [("nb", "Nb"), ("nn", "Nn"), ("en", "En")];

/// One message of one language, reduced to what the generated code needs.
struct Message {
    /// Rust statements that append the message to `out`, or the literal when it is plain text.
    body: Body,
    /// Every variable it reads.
    variables: BTreeSet<String>,
    /// The variables it selects on (which must be counts).
    selectors: BTreeSet<String>,
}

enum Body {
    Plain(String),
    /// A `format!` string: text and variables, no choices.
    Format(String),
    /// Statements that append to `out`, for a message that chooses its words by a count.
    Chosen(String),
}

fn main() {
    println!("cargo::rerun-if-changed=locales");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("locales");
    let mut languages = Vec::new();
    for (code, variant) in LANGUAGES {
        let path = dir.join(format!("{code}.ftl"));
        let source = fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        languages.push((code, variant, messages(code, &source)));
    }
    let (_, _, reference) = &languages[0];
    for (code, _, messages) in &languages[1..] {
        let missing: Vec<&str> =
            reference.keys().filter(|id| !messages.contains_key(*id)).map(String::as_str).collect();
        let extra: Vec<&str> = messages.keys().filter(|id| !reference.contains_key(*id)).map(String::as_str).collect();
        if !missing.is_empty() {
            fail(&format!("locales/{code}.ftl lacks messages that locales/nb.ftl has: {}", missing.join(", ")));
        }
        if !extra.is_empty() {
            fail(&format!("locales/{code}.ftl has messages that locales/nb.ftl does not: {}", extra.join(", ")));
        }
        for (id, message) in messages {
            let unknown: Vec<&String> = message.variables.difference(&reference[id].variables).collect();
            if !unknown.is_empty() {
                fail(&format!("locales/{code}.ftl, {id}: variables the bokmål message does not have: {unknown:?}"));
            }
        }
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("texts.rs");
    fs::write(out, generate(&languages)).expect("OUT_DIR is writable");
}

fn fail(message: &str) -> ! {
    panic!("\n\nlocale files: {message}\n\n")
}

fn messages(code: &str, source: &str) -> BTreeMap<String, Message> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| {
                let line = source[..e.pos.start.min(source.len())].lines().count().max(1);
                format!("line {line}: {:?}", e.kind)
            })
            .collect();
        fail(&format!("locales/{code}.ftl does not parse:\n  {}", lines.join("\n  ")))
    });
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let id = message.id.name.to_owned();
                let place = format!("locales/{code}.ftl, {id}");
                if !message.attributes.is_empty() {
                    fail(&format!("{place}: attributes are not supported"));
                }
                let Some(pattern) = message.value else { fail(&format!("{place}: has no value")) };
                let mut compiled = Message {
                    body: Body::Plain(String::new()),
                    variables: BTreeSet::new(),
                    selectors: BTreeSet::new(),
                };
                compiled.body = match plain(&pattern) {
                    Some(text) => Body::Plain(text),
                    None if !has_select(&pattern) => Body::Format(format_string(&pattern, &mut compiled, &place)),
                    None => {
                        let mut body = String::new();
                        statements(&pattern, &mut compiled, &place, &mut body);
                        Body::Chosen(body)
                    }
                };
                if messages.insert(id.clone(), compiled).is_some() {
                    fail(&format!("{place}: defined twice"));
                }
            }
            Entry::Term(term) => fail(&format!("locales/{code}.ftl, -{}: terms are not supported", term.id.name)),
            Entry::Junk { content } => fail(&format!("locales/{code}.ftl: cannot read {content:?}")),
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
        }
    }
    messages
}

/// The pattern's text, if it has nothing but text and string literals.
fn plain(pattern: &Pattern<&str>) -> Option<String> {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression: Expression::Inline(InlineExpression::StringLiteral { value }) } => {
                text.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value));
            }
            PatternElement::Placeable { .. } => return None,
        }
    }
    Some(text)
}

fn has_select(pattern: &Pattern<&str>) -> bool {
    pattern.elements.iter().any(|e| matches!(e, PatternElement::Placeable { expression: Expression::Select { .. } }))
}

/// A `format!` string of a pattern without choices: its text, braces doubled, and `{variable}`.
fn format_string(pattern: &Pattern<&str>, message: &mut Message, place: &str) -> String {
    let escaped = |text: &str| text.replace('{', "{{").replace('}', "}}");
    let mut format = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => format.push_str(&escaped(value)),
            PatternElement::Placeable { expression: Expression::Inline(InlineExpression::StringLiteral { value }) } => {
                format.push_str(&escaped(&fluent_syntax::unicode::unescape_unicode_to_string(value)));
            }
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => {
                let name = variable(id.name, place);
                write!(format, "{{{name}}}").unwrap();
                message.variables.insert(name);
            }
            other => fail(&format!("{place}: only variables and string literals may be placed, not {other:?}")),
        }
    }
    format
}

/// Statements that append `pattern` to `out`.
fn statements(pattern: &Pattern<&str>, message: &mut Message, place: &str, body: &mut String) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => push_text(body, value),
            PatternElement::Placeable { expression: Expression::Inline(inline) } => match inline {
                InlineExpression::StringLiteral { value } => {
                    push_text(body, &fluent_syntax::unicode::unescape_unicode_to_string(value));
                }
                InlineExpression::VariableReference { id } => {
                    let name = variable(id.name, place);
                    message.variables.insert(name.clone());
                    writeln!(body, "let _ = ::core::fmt::Write::write_fmt(&mut out, format_args!(\"{{{name}}}\"));")
                        .unwrap();
                }
                other => fail(&format!("{place}: only variables and string literals may be placed, not {other:?}")),
            },
            PatternElement::Placeable { expression: Expression::Select { selector, variants } } => {
                let InlineExpression::VariableReference { id } = selector else {
                    fail(&format!("{place}: a select must choose by a variable"))
                };
                let name = variable(id.name, place);
                message.variables.insert(name.clone());
                message.selectors.insert(name.clone());
                let mut default = None;
                let mut first = true;
                for (index, variant) in variants.iter().enumerate() {
                    if variant.default {
                        default = Some(&variant.value);
                        // Last, it is the `else` below; earlier, it must still win where its key matches.
                        if index + 1 == variants.len() {
                            continue;
                        }
                    }
                    let condition = match &variant.key {
                        VariantKey::NumberLiteral { value } => {
                            let number: i64 = value.parse().unwrap_or_else(|_| {
                                fail(&format!("{place}: variant [{value}] must be a whole number"))
                            });
                            format!("{name}.count() == {number}")
                        }
                        // Bokmål, nynorsk and English share one rule for counts: `one` is exactly 1.
                        VariantKey::Identifier { name: "one" } => format!("{name}.count() == 1"),
                        VariantKey::Identifier { name: "other" } => format!("{name}.count() != 1"),
                        VariantKey::Identifier { name: key } => fail(&format!(
                            "{place}: variant [{key}] never applies in these languages (only one and other do)"
                        )),
                    };
                    writeln!(body, "{}if {condition} {{", if first { "" } else { "else " }).unwrap();
                    statements(&variant.value, message, place, body);
                    body.push_str("}\n");
                    first = false;
                }
                let default = default.unwrap_or_else(|| fail(&format!("{place}: a select needs a default variant")));
                body.push_str("else {\n");
                statements(default, message, place, body);
                body.push_str("}\n");
            }
        }
    }
}

fn push_text(body: &mut String, text: &str) {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => writeln!(body, "out.push({c:?});").unwrap(),
        _ => writeln!(body, "out.push_str({text:?});").unwrap(),
    }
}

fn variable(name: &str, place: &str) -> String {
    if !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        fail(&format!("{place}: variable ${name} must be snake_case"));
    }
    name.to_owned()
}

fn method(id: &str) -> String {
    id.replace('-', "_")
}

fn generate(languages: &[(&str, &str, BTreeMap<String, Message>)]) -> String {
    let mut code = String::from("// Generated from the locale files by build.rs.\n\nimpl Texts {\n");
    let (_, _, reference) = &languages[0];
    let mut dispatch = String::new();
    for (id, bokmal) in reference {
        let name = method(id);
        let selectors: BTreeSet<&String> = languages.iter().flat_map(|(_, _, m)| m[id].selectors.iter()).collect();
        let variables = &bokmal.variables;
        if variables.is_empty() {
            writeln!(code, "    pub fn {name}(&self) -> &'static str {{\n        match self.lang {{").unwrap();
            for (_, variant, messages) in languages {
                let Body::Plain(text) = &messages[id].body else { unreachable!("a message without variables is text") };
                writeln!(code, "            Lang::{variant} => {text:?},").unwrap();
            }
            code.push_str("        }\n    }\n");
            writeln!(dispatch, "            {id:?} => Some(self.{name}().to_owned()),").unwrap();
            continue;
        }
        // A generic method for callers, one body per message: each caller's types do not make a copy.
        let typed = |generic: bool| -> Vec<String> {
            variables
                .iter()
                .map(|v| match (selectors.contains(v), generic) {
                    (true, true) => format!("{v}: impl Count"),
                    (true, false) => format!("{v}: &dyn Count"),
                    (false, true) => format!("{v}: impl ::core::fmt::Display"),
                    (false, false) => format!("{v}: &dyn ::core::fmt::Display"),
                })
                .collect()
        };
        let all: Vec<&str> = variables.iter().map(String::as_str).collect();
        let borrowed: Vec<String> = all.iter().map(|v| format!("&{v}")).collect();
        writeln!(code, "    pub fn {name}(&self, {}) -> String {{", typed(true).join(", ")).unwrap();
        writeln!(code, "        self.format_{name}({})\n    }}\n", borrowed.join(", ")).unwrap();
        writeln!(code, "    fn format_{name}(&self, {}) -> String {{", typed(false).join(", ")).unwrap();
        // A translation may leave a variable out.
        writeln!(code, "        let _ = ({});", all.iter().map(|v| format!("&{v},")).collect::<String>()).unwrap();
        code.push_str("        match self.lang {\n");
        for (_, variant, messages) in languages {
            let body = match &messages[id].body {
                Body::Plain(text) => format!("{text:?}.to_owned()"),
                Body::Format(format) => format!("format!({format:?})"),
                Body::Chosen(body) => format!("{{\nlet mut out = String::new();\n{body}out\n}}"),
            };
            writeln!(code, "            Lang::{variant} => {body},").unwrap();
        }
        code.push_str("        }\n    }\n");
        let arguments: Vec<String> = all.iter().map(|v| format!("argument({v:?})")).collect();
        writeln!(dispatch, "            {id:?} => Some(self.{name}({})),", arguments.join(", ")).unwrap();
    }
    code.push_str("}\n\n");
    let ids: Vec<String> = reference.keys().map(|id| format!("{id:?}")).collect();
    writeln!(code, "/// Every message's id, in the locale files' terms.\n#[cfg(test)]\npub(crate) const MESSAGE_IDS: &[&str] = &[{}];\n", ids.join(", ")).unwrap();
    code.push_str(
        "#[cfg(test)]\nimpl Texts {\n    /// A message by its id, every variable given by `argument` as a number.\n    \
         pub(crate) fn format_by_id(&self, id: &str, argument: &dyn Fn(&str) -> i64) -> Option<String> {\n        match id {\n",
    );
    code.push_str(&dispatch);
    code.push_str("            _ => None,\n        }\n    }\n}\n");
    code
}
