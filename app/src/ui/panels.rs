use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::model::Results;
use crate::ui::{Legend, Matrix, RankedTable};

/// The matrix with its legend beside the ranked list; `top` shortens the list for a projector.
#[component]
pub fn ResultsPanels(results: Results, #[prop(optional)] top: Option<usize>) -> impl IntoView {
    let t = use_texts();
    let (heading, listed) = match top {
        Some(top) => {
            let mut listed = results.clone();
            listed.ranked.truncate(top);
            listed.unscored.clear();
            (t.top_ranked(top), listed)
        }
        None => (t.ranked_heading().to_owned(), results.clone()),
    };
    view! {
        <div class="results-grid">
            <section>
                <h2>{t.matrix_title()}</h2>
                <Matrix results=results.clone() />
                <Legend results />
            </section>
            <section>
                <h2>{heading}</h2>
                <RankedTable results=listed />
            </section>
        </div>
    }
    .into_any()
}
