//! "Is an area missing?": a participant proposes one for the facilitator to take in or keep aside.

use kvadrant::{Description, Name};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::SheetContext;
use crate::actions::SuggestArea;
use crate::i18n::use_texts;
use crate::ui::{FormError, last_error, submit_typed};

#[component]
pub fn SuggestForm(context: SheetContext) -> impl IntoView {
    let t = use_texts();
    let suggest = ServerAction::<SuggestArea>::new();
    let sent = move || matches!(suggest.value().get(), Some(Ok(())));
    let (name, description) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    // Clears the form for the next proposal once one has gone through.
    Effect::new(move || {
        if sent() {
            name.set(String::new());
            description.set(String::new());
        }
    });
    let submit = submit_typed(suggest, move || SuggestArea {
        code: context.code.get_value(),
        group: context.group,
        key: context.key.get_value(),
        name: name.get_untracked(),
        description: description.get_untracked(),
    });
    let typed = |field: RwSignal<String>| move |event| field.set(event_target_value(&event));
    view! {
        <section class="card suggest" aria-labelledby="suggest-heading">
            <h2 id="suggest-heading">{t.suggest_heading()}</h2>
            <p class="hint">{t.suggest_intro()}</p>
            // A plain form until the page is interactive; then the fields go out as they are held.
            <form class="suggest-form" method="post" action=SuggestArea::PATH on:submit=submit>
                {context.hidden_fields()}
                <label for="suggest-name">{t.name_label()}</label>
                <input id="suggest-name" name="name" required maxlength=Name::MAX_CHARS
                    prop:value=move || name.get() on:input=typed(name) />
                <label for="suggest-description">{t.description_label()}</label>
                <textarea id="suggest-description" name="description" rows="2" maxlength=Description::MAX_CHARS
                    prop:value=move || description.get() on:input=typed(description)></textarea>
                <button type="submit">{t.suggest_button()}</button>
            </form>
            <p role="status">{move || sent().then_some(t.suggested_notice())}</p>
            <FormError error=last_error(suggest.value()) />
        </section>
    }
}
