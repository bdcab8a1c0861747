//! How to read the results: what each figure means and how it is computed, on the results
//! page and in print. Rendered by the server only (no island holds it), so its text stays out
//! of the browser's code.

use kvadrant::certainty::{BAND, DISSENT_PERCENT, MIN_GROUPS_FOR_BAND, RESAMPLES, TOP};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{Texts, texts, use_lang, use_texts};

/// A term, and what it means given the texts that format its numbers.
type Entry = (fn(&Texts) -> &'static str, fn(&Texts) -> String);

const ENTRIES: [Entry; 6] = [
    (Texts::guide_entry_score_term, |t| t.guide_entry_score().to_owned()),
    (Texts::guide_entry_spread_term, |t| t.guide_entry_spread().to_owned()),
    (Texts::guide_entry_dissent_term, |t| t.guide_entry_dissent(t.number(threshold(), 2), percent(t, threshold()))),
    (Texts::guide_entry_place_term, |t| {
        t.guide_entry_place(
            percent(t, BAND),
            MIN_GROUPS_FOR_BAND,
            t.number(RESAMPLES as f64, 0),
            widest_top(),
            top_places(t.guide_top_places_and()),
        )
    }),
    (Texts::guide_entry_agreement_term, |t| t.guide_entry_agreement().to_owned()),
    (Texts::guide_entry_rounds_term, |t| t.guide_entry_rounds().to_owned()),
];

fn threshold() -> f64 {
    f64::from(DISSENT_PERCENT) / 100.0
}

/// The default top places, joined by `and`: "3 og 5".
fn top_places(and: &str) -> String {
    let places: Vec<String> = TOP.iter().map(u32::to_string).collect();
    match places.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The largest default top place: the one the guide's examples name.
fn widest_top() -> u32 {
    TOP.iter().copied().max().unwrap_or_default()
}

fn percent(t: &Texts, share: f64) -> String {
    format!("{} %", t.number(share * 100.0, 0))
}

/// How the results are shown: the official ranking or the normalised one (plain links), and
/// whether the matrix shows each area's spread (a plain checkbox that style rules follow, so it
/// keeps its state while the results beside it change live).
#[component]
pub fn ViewOptions() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let normalised = query.read().get("view").as_deref() == Some("normalised");
    // The round shown stays shown in either view.
    let round: Vec<String> = query
        .read()
        .get("round")
        .map(|round| format!("round={}", leptos_router::location::Url::escape(&round)))
        .into_iter()
        .collect();
    let link = |view: Option<&str>| {
        format!("?{}", view.into_iter().chain(round.iter().map(String::as_str)).collect::<Vec<_>>().join("&"))
    };
    let current = |shown: bool| if shown { "page" } else { "false" };
    view! {
        <nav class="view-options no-print">
            <a href=link(None) aria-current=current(!normalised)>{t.guide_official()}</a>
            <a href=link(Some("view=normalised")) aria-current=current(normalised)>{t.guide_normalised()}</a>
            <label><input type="checkbox" id="show-spread" checked />" "{t.guide_spread_switch()}</label>
        </nav>
        {normalised.then(|| view! { <p class="notice normalised-note">{t.guide_normalised_note()}</p> })}
    }
}

/// Links to each round's results once there is more than one: the same page with only the
/// round changed.
#[component]
pub fn RoundPicker(current: u32, shown: u32) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let kept: Vec<String> = use_query_map()
        .get_untracked()
        .into_iter()
        .filter(|(name, _)| name != "round")
        .map(|(name, value)| format!("{name}={}", leptos_router::location::Url::escape(&value)))
        .collect();
    let link = move |round: u32| {
        let round = (round != current).then(|| format!("round={round}"));
        format!("?{}", kept.iter().map(String::as_str).chain(round.as_deref()).collect::<Vec<_>>().join("&"))
    };
    let items = (1..=current)
        .map(|round| {
            let label = match round == current {
                true => format!("{} ({})", t.round_of(round), t.guide_now()),
                false => t.round_of(round),
            };
            let here = (round == shown).then_some("page");
            view! { <li><a href=link(round) aria-current=here>{label}</a></li> }
        })
        .collect_view();
    (current > 1).then(|| view! { <nav class="rounds no-print" aria-label=t.guide_rounds()><ul>{items}</ul></nav> })
}

/// What each figure means and how it is computed.
#[component]
pub fn ReadingGuide() -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let entries = ENTRIES
        .iter()
        .map(|(term, text)| {
            view! {
                <dt>{term(t)}</dt>
                <dd>{text(t)}</dd>
            }
        })
        .collect_view();
    view! {
        <section class="reading-guide">
            <h2>{t.guide_heading()}</h2>
            <dl>{entries}</dl>
        </section>
    }
}
