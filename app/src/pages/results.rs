use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::actions::load_results;
use crate::i18n::use_texts;
use crate::ui::{DemoBadge, ErrorNote, Legend, Loading, Matrix, RankedTable};

/// The ranked result and the matrix; complete without scripts, and printable.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let t = use_texts();
    let results = Resource::new(param("code"), load_results);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match results.await {
                    Err(error) => view! { <ErrorNote error /> }.into_any(),
                    Ok(results) => {
                        let code = results.workshop.code.clone();
                        view! {
                            <Title text=format!("{} – {}", results.workshop.title, t.results_heading) />
                            <article class="results">
                                <DemoBadge demo=results.workshop.demo />
                                <h1>{results.workshop.title.clone()}</h1>
                                <p class="meta">
                                    {t.results_heading}" · "{(t.groups_of)(results.workshop.groups.len())}" · "
                                    {if results.workshop.scoring_open { t.scoring_is_open } else { t.scoring_is_closed }}
                                </p>
                                <div class="results-grid">
                                    <section>
                                        <h2>{t.matrix_title}</h2>
                                        <Matrix results=results.clone() />
                                        <Legend results=results.clone() />
                                    </section>
                                    <section>
                                        <h2>{t.ranked_heading}</h2>
                                        <RankedTable results=results.clone() />
                                    </section>
                                </div>
                                <p class="hint method">{t.method_note}</p>
                                <p class="downloads no-print">
                                    <a href=format!("/api/v1/workshops/{code}/results.csv") rel="external" download="">{t.download_csv}</a>
                                    <a href=format!("/api/v1/workshops/{code}/results") rel="external">{t.download_json}</a>
                                </p>
                            </article>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
