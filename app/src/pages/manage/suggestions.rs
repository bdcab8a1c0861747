//! What participants proposed, as it arrives: each waiting one can go on the list (in a
//! category) or be kept as raised but not scored.

use leptos::prelude::*;

use super::{Actions, Credentials, category_options};
use crate::i18n::use_texts;
use crate::model::{Category, Suggestion, SuggestionStatus};
use crate::ui::{FormError, last_error};

#[component]
pub fn Suggestions(
    suggestions: Vec<Suggestion>,
    categories: Vec<Category>,
    keys: Credentials,
    actions: Actions,
) -> impl IntoView {
    let t = use_texts();
    let empty = suggestions.is_empty();
    let items = suggestions
        .into_iter()
        .map(|suggestion| {
            let id = suggestion.id.0;
            let category_id = format!("suggestion-{id}-category");
            let description = (!suggestion.description.is_empty()).then(|| {
                view! {
                    <span class="hint">{suggestion.description.clone()}</span>
                }
            });
            let decision = match suggestion.status {
                SuggestionStatus::Pending => {
                    let options = category_options(&categories, None);
                    view! {
                    <ActionForm action=actions.accept attr:class="inline">
                        {keys.fields()}
                        <input type="hidden" name="id" value=id />
                        <label for=category_id.clone()>{t.category()}</label>
                        <select id=category_id name="category">{options}</select>
                        <button type="submit">{t.accept_suggestion()}</button>
                    </ActionForm>
                    <ActionForm action=actions.keep attr:class="inline">
                        {keys.fields()}
                        <input type="hidden" name="id" value=id />
                        <button type="submit" class="secondary">{t.keep_suggestion()}</button>
                    </ActionForm>
                    }
                    .into_any()
                }
                status => view! { <span class="status">{t.suggestion_status(status)}</span> }.into_any(),
            };
            view! {
                <li class="item suggestion" data-status=suggestion.status.as_str()>
                    <div class="area-text">
                        <strong class="area-name">{suggestion.name.clone()}</strong>
                        {description}
                    </div>
                    <div class="controls">{decision}</div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card suggestions" aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading">{t.suggestions_heading()}</h2>
            {empty.then(|| view! { <p class="hint">{t.no_suggestions()}</p> })}
            <ul class="items">{items}</ul>
            <FormError error=last_error(actions.accept.value()) />
            <FormError error=last_error(actions.keep.value()) />
        </section>
    }
}
