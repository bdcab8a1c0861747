//! "Is an area missing?": a participant proposes one for the facilitator to take in or keep aside.

use kvadrant::{Description, Name};
use leptos::prelude::*;

use crate::actions::SuggestArea;
use crate::i18n::use_texts;
use crate::ui::{FormError, last_error};

#[component]
pub fn SuggestForm(code: String, group: i64, key: String) -> impl IntoView {
    let t = use_texts();
    let suggest = ServerAction::<SuggestArea>::new();
    let sent = move || matches!(suggest.value().get(), Some(Ok(())));
    let form = NodeRef::<leptos::html::Form>::new();
    // Clears the form for the next proposal once one has gone through.
    Effect::new(move || {
        if sent()
            && let Some(form) = form.get()
        {
            form.reset();
        }
    });
    view! {
        <section class="card suggest" aria-labelledby="suggest-heading">
            <h2 id="suggest-heading">{t.suggest_heading}</h2>
            <p class="hint">{t.suggest_intro}</p>
            <ActionForm action=suggest node_ref=form attr:class="suggest-form">
                <input type="hidden" name="code" value=code />
                <input type="hidden" name="group" value=group />
                <input type="hidden" name="key" value=key />
                <label for="suggest-name">{t.name_label}</label>
                <input id="suggest-name" name="name" required maxlength=Name::MAX_CHARS />
                <label for="suggest-description">{t.description_label}</label>
                <textarea id="suggest-description" name="description" rows="2" maxlength=Description::MAX_CHARS></textarea>
                <button type="submit">{t.suggest_button}</button>
            </ActionForm>
            <p role="status">{move || sent().then_some(t.suggested_notice)}</p>
            <FormError error=last_error(suggest.value()) />
        </section>
    }
}
