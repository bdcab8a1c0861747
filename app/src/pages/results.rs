use kvadrant::Error;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::param;
use crate::actions::load_results;
use crate::error::AppError;
use crate::hydration::island_hydrated;
use crate::i18n::{content_lang, use_texts};
use crate::live;
use crate::model::{GroupTag, Results, Segment};
use crate::ui::{
    Comments, DemoBadge, ErrorNote, Loading, PrintedOn, ReadingGuide, ResultsPanels, RoundPicker, ViewOptions,
    answer_with, print_button,
};

/// What a results page shows: whose link it is, and which segments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Query {
    code: String,
    /// Whether it is the leaders' read-only link; its secret stays out of the page's data.
    review: bool,
    segment: Option<String>,
    compare: Option<String>,
    /// `normalised`: each group's own level taken out.
    view: Option<String>,
    /// An earlier round; the current one if not given.
    round: Option<String>,
}

/// The ranked result and the matrix; complete without scripts, printable, and live once
/// scripts run. While the results are hidden it says so, and shows them when revealed.
/// Under `/w/CODE/review/SECRET` it is the leaders' read-only page, with every export.
/// `?segment=Rolle=Folkevalgte` shows one segment, `&compare=…` a second beside it.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let (code, secret) = (param("code"), param("secret"));
    let query = use_query_map();
    let chosen = move |name: &str| query.read().get(name).filter(|value| !value.is_empty());
    let secret = move || Some(secret()).filter(|s| !s.is_empty());
    let key = {
        let secret = secret.clone();
        move || Query {
            code: code(),
            review: secret().is_some(),
            segment: chosen("segment"),
            compare: chosen("compare"),
            view: chosen("view"),
            round: chosen("round"),
        }
    };
    let results = Resource::new(
        {
            let key = key.clone();
            move || (key(), secret())
        },
        |(query, secret): (Query, Option<String>)| async move {
            let (view, round) = (query.view.clone(), query.round.clone());
            let (code, segment) = (query.code.clone(), query.segment.clone());
            let first = load_results(code, secret.clone(), segment, view.clone(), round.clone()).await?;
            let second = match query.compare {
                Some(compare) => Some(load_results(query.code, secret, Some(compare), view, round).await?),
                None => None,
            };
            Ok::<_, AppError>((first, second))
        },
    );
    view! {
        <ViewOptions />
        <Suspense fallback=Loading>
            {move || {
                let query = key();
                Suspend::new(async move {
                    // Segments, earlier rounds and the normalised view are read as loaded, not live.
                    let segmented = query.segment.is_some()
                        || query.compare.is_some()
                        || query.view.is_some()
                        || query.round.is_some();
                    match results.await {
                        Err(AppError::Domain(Error::ResultsHidden)) => {
                            answer_with(&AppError::Domain(Error::ResultsHidden));
                            // The workshop's title comes with its results: until then, its code.
                            view! {
                                <Title text=report_title(&query.code, query.review) />
                                <LiveReport query initial=None />
                            }
                            .into_any()
                        }
                        Err(error) => view! { <ErrorNote error /> }.into_any(),
                        // The tab's title is the page's, not the islands': it stays as the page came.
                        Ok((results, None)) if !segmented => view! {
                            <Title text=report_title(&results.workshop.title, query.review) />
                            <RoundPicker current=results.workshop.round shown=results.round />
                            <LiveReport query initial=Some(results) />
                        }
                        .into_any(),
                        Ok((first, second)) => view! {
                            <Title text=report_title(&first.workshop.title, query.review) />
                            <RoundPicker current=first.workshop.round shown=first.round />
                            <SegmentReport query first second />
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
        <ReadingGuide />
    }
}

/// The report as it is now: it follows the workshop's live view.
#[island(lazy)]
fn LiveReport(query: Query, initial: Option<Results>) -> impl IntoView {
    island_hydrated();
    let live = live::follow(format!("/api/v1/workshops/{}/live", query.code));
    let shown = live.results();
    // Until the first live view arrives, the results loaded with the page stand.
    let current = move || if live.view.with(Option::is_none) { initial.clone() } else { shown.get() };
    let t = use_texts();
    move || match current() {
        Some(results) => view! { <Report query=query.clone() results /> }.into_any(),
        None => view! { <p class="notice" role="status">{t.results_hidden_notice()}</p> }.into_any(),
    }
}

/// The results' title, which says when they are the leaders' read-only view.
fn report_title(workshop_title: &str, review: bool) -> String {
    let t = use_texts();
    match review {
        true => format!("{workshop_title} – {} – {}", t.results_heading(), t.review_badge()),
        false => format!("{workshop_title} – {}", t.results_heading()),
    }
}

/// The heading, the matrix and list, the comments, and the downloads.
#[component]
fn Report(query: Query, results: Results) -> impl IntoView {
    let t = use_texts();
    view! {
        <article class="results">
            <ReportHeading results=results.clone() review=query.review />
            <SegmentPicker query=query.clone() results=results.clone() />
            <ResultsPanels results=results.clone() />
            <p class="hint method">{t.method_note()}</p>
            <Comments results=results.clone() />
            <Downloads query />
        </article>
    }
    .into_any()
}

#[component]
fn ReportHeading(results: Results, review: bool) -> impl IntoView {
    let t = use_texts();
    let workshop = &results.workshop;
    let lang = content_lang(workshop.settings.language);
    let group_names = workshop.groups.iter().map(|group| group.name.as_str()).collect::<Vec<_>>().join(", ");
    view! {
        <DemoBadge demo=workshop.demo />
        {review.then(|| view! { <p class="badge">{t.review_badge()}</p> })}
        <h1 lang=lang>{workshop.title.clone()}</h1>
        {(!workshop.description.is_empty()).then(|| view! {
            <p class="description" lang=lang>{workshop.description.clone()}</p>
        })}
        <PrintedOn />
        <p class="meta">
            {t.results_heading()}" · "{t.groups_of(workshop.groups.len())}" · "
            {if workshop.scoring_open { t.scoring_is_open() } else { t.scoring_is_closed() }}
            {(workshop.round > 1).then(|| format!(" · {}", t.round_of(results.round)))}
        </p>
        <p class="meta method">{t.combined_by(workshop.settings.aggregate)}</p>
        {(!workshop.groups.is_empty()).then(|| view! {
            <p class="groups">{t.groups_heading()}": "{group_names}</p>
        })}
    }
}

/// One segment, or two side by side, each with its n; an island for its controls.
#[island(lazy)]
fn SegmentReport(query: Query, first: Results, second: Option<Results>) -> impl IntoView {
    island_hydrated();
    let t = use_texts();
    let side = |results: Results| {
        let label = segment_label(&results.segment, t.all_groups());
        view! {
            <section class="segment">
                <h2>{label}" "<span class="n">"("{t.n_groups(results.segment.groups as usize)}")"</span></h2>
                <ResultsPanels results=results.clone() />
                <Comments results />
            </section>
        }
    };
    let layout = if second.is_some() { "segments side-by-side" } else { "segments" };
    view! {
        <article class="results">
            <ReportHeading results=first.clone() review=query.review />
            <SegmentPicker query=query.clone() results=first.clone() />
            <div class=layout>
                {side(first)}
                {second.map(side)}
            </div>
            <Downloads query />
        </article>
    }
    .into_any()
}

fn segment_label(segment: &Segment, all: &str) -> String {
    segment.tag.as_ref().map(|tag| format!("{}: {}", tag.dimension, tag.value)).unwrap_or_else(|| all.to_owned())
}

/// A plain form (it works without scripts): which segment to show, and which to compare with.
#[component]
fn SegmentPicker(query: Query, results: Results) -> impl IntoView {
    let t = use_texts();
    let segments: Vec<(GroupTag, usize, bool)> =
        results.workshop.segments().into_iter().map(|(tag, n)| (tag, n, results.workshop.shows_segment(n))).collect();
    if segments.is_empty() {
        return ().into_any();
    }
    let options = move |selected: Option<String>, none: &'static str| {
        let choices = segments
            .iter()
            .map(|(tag, n, shown)| {
                let pair = tag.pair();
                let chosen = selected.as_deref() == Some(pair.as_str());
                // Too small to stay anonymous: listed, and said why it cannot be chosen.
                let (count, hidden) =
                    if *shown { (t.n_groups(*n), false) } else { (t.too_few_to_show().to_owned(), true) };
                view! {
                    <option value=pair selected=chosen disabled=hidden>
                        {format!("{}: {} ({count})", tag.dimension, tag.value)}
                    </option>
                }
            })
            .collect_view();
        view! {
            <option value="" selected=selected.is_none()>{none}</option>
            {choices}
        }
    };
    view! {
        <form class="segment-picker no-print" method="get">
            <label for="segment">{t.segment_filter()}</label>
            <select id="segment" name="segment">{options(query.segment.clone(), t.all_groups())}</select>
            <label for="compare">{t.compare_with()}</label>
            <select id="compare" name="compare">{options(query.compare.clone(), t.no_comparison())}</select>
            {query.round.clone().map(|round| view! { <input type="hidden" name="round" value=round /> })}
            <button type="submit">{t.show()}</button>
        </form>
    }
    .into_any()
}

/// Every export the one reading may have; the leaders' secret goes along in the cookie the
/// page set, not in the links.
#[component]
fn Downloads(query: Query) -> impl IntoView {
    let t = use_texts();
    let base = format!("/api/v1/workshops/{}", query.code);
    let mut params: Vec<String> = Vec::new();
    if let Some(segment) = &query.segment {
        params.push(format!("segment={}", leptos_router::location::Url::escape(segment)));
    }
    let link = move |path: &str, extra: Option<&str>| {
        let all: Vec<&str> = params.iter().map(String::as_str).chain(extra).collect();
        if all.is_empty() { format!("{base}{path}") } else { format!("{base}{path}?{}", all.join("&")) }
    };
    view! {
        <section class="downloads no-print">
            <h2>{t.exports_heading()}</h2>
            <ul>
                {query.review.then(|| view! {
                    <li><a href=link("/results.xlsx", None) rel="external" download="">{t.download_xlsx()}</a></li>
                })}
                <li><a href=link("/results.csv", Some("dialect=excel-no")) rel="external" download="">{t.download_csv_excel()}</a></li>
                <li><a href=link("/results.csv", None) rel="external" download="">{t.download_csv()}</a></li>
                <li><a href=link("/matrix.png", None) rel="external" download="">{t.download_png()}</a></li>
                <li><a href=link("/matrix.svg", None) rel="external" download="">{t.download_svg()}</a></li>
                <li><a href=link("/results", None) rel="external">{t.download_json()}</a></li>
                {query.review.then(|| view! {
                    <li><a href=link("/setup", None) rel="external" download="">{t.download_setup()}</a></li>
                })}
                <li>{print_button()}</li>
            </ul>
        </section>
    }
}
