use kvadrant::Error;
use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::actions::load_results;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::live;
use crate::model::Results;
use crate::ui::{DemoBadge, ErrorNote, Loading, ResultsPanels, answer_with};

/// The ranked result and the matrix; complete without scripts, printable, and live once
/// scripts run. While the results are hidden it says so, and shows them when revealed.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let code = param("code");
    let results = Resource::new(code.clone(), |code| load_results(code, None, None));
    view! {
        <Suspense fallback=Loading>
            {move || {
                let code = code();
                Suspend::new(async move {
                    match results.await {
                        Err(AppError::Domain(Error::ResultsHidden)) => {
                            answer_with(&AppError::Domain(Error::ResultsHidden));
                            view! { <LiveReport code initial=None /> }.into_any()
                        }
                        Err(error) => view! { <ErrorNote error /> }.into_any(),
                        Ok(results) => view! { <LiveReport code initial=Some(results) /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn LiveReport(code: String, initial: Option<Results>) -> impl IntoView {
    let live = live::follow(format!("/api/v1/workshops/{code}/live"));
    let shown = live.results();
    // Until the first live view arrives, the results loaded with the page stand.
    let current = move || if live.view.with(Option::is_none) { initial.clone() } else { shown.get() };
    let t = use_texts();
    move || match current() {
        Some(results) => view! { <Report results /> }.into_any(),
        None => view! { <p class="notice" role="status">{t.results_hidden_notice}</p> }.into_any(),
    }
}

#[component]
fn Report(results: Results) -> impl IntoView {
    let t = use_texts();
    let workshop = &results.workshop;
    let code = workshop.code.clone();
    view! {
        <Title text=format!("{} – {}", workshop.title, t.results_heading) />
        <article class="results">
            <DemoBadge demo=workshop.demo />
            <h1>{workshop.title.clone()}</h1>
            <p class="meta">
                {t.results_heading}" · "{(t.groups_of)(workshop.groups.len())}" · "
                {if workshop.scoring_open { t.scoring_is_open } else { t.scoring_is_closed }}
            </p>
            <ResultsPanels results=results.clone() />
            <p class="hint method">{t.method_note}</p>
            <p class="downloads no-print">
                <a href=format!("/api/v1/workshops/{code}/results.csv") rel="external" download="">{t.download_csv}</a>
                <a href=format!("/api/v1/workshops/{code}/results") rel="external">{t.download_json}</a>
            </p>
        </article>
    }
    .into_any()
}
