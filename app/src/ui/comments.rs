use leptos::prelude::*;

use crate::i18n::{content_lang, use_texts};
use crate::model::{AreaComment, Results};

/// The groups' comments under each area (ranked order, then unscored), and the areas raised
/// but not scored.
#[component]
pub fn Comments(results: Results) -> impl IntoView {
    let t = use_texts();
    let lang = content_lang(results.workshop.settings.language);
    let order = results.ranked.iter().map(|row| row.area_id).chain(results.unscored.iter().map(|area| area.id));
    let sections = order
        .filter_map(|area| {
            let comments: Vec<&AreaComment> = results.comments.iter().filter(|c| c.area_id == area).collect();
            let name = results.workshop.area(area)?.name.clone();
            (!comments.is_empty()).then(|| {
                let items = comments
                    .into_iter()
                    .map(|comment| {
                        let group =
                            results.workshop.group(comment.group_id).map(|g| g.name.clone()).unwrap_or_default();
                        let timeframe = comment.timeframe.map(|timeframe| t.timeframe(timeframe));
                        view! {
                            <li>
                                <strong lang=lang>{group}</strong>": "
                                {(!comment.rationale.is_empty()).then(|| view! {
                                    <span class="rationale" lang=lang>{comment.rationale.clone()}</span>
                                })}
                                {(!comment.risks.is_empty()).then(|| view! {
                                    <span class="risk">{t.risks()}": "<span lang=lang>{comment.risks.clone()}</span></span>
                                })}
                                {timeframe.map(|timeframe| view! {
                                    <span class="timeframe">{t.timeframe_label()}": "{timeframe}</span>
                                })}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="area-comments">
                        <h3 lang=lang>{name}</h3>
                        <ul>{items}</ul>
                    </section>
                }
            })
        })
        .collect_view();
    let raised = results
        .raised
        .iter()
        .map(|suggestion| {
            let description = (!suggestion.description.is_empty()).then(|| format!(" – {}", suggestion.description));
            view! { <li lang=lang>{suggestion.name.clone()}{description}</li> }
        })
        .collect_view();
    view! {
        {(!results.comments.is_empty()).then(|| view! {
            <section class="comments">
                <h2>{t.comments_heading()}</h2>
                {sections}
            </section>
        })}
        {(!results.raised.is_empty()).then(|| view! {
            <section class="raised">
                <h2>{t.raised_heading()}</h2>
                <p class="hint">{t.raised_help()}</p>
                <ul>{raised}</ul>
            </section>
        })}
    }
}
