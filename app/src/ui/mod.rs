//! Pieces several pages share.

mod comments;
#[cfg(test)]
mod contrast;
mod copy;
mod guide;
mod matrix;
mod panels;
mod printed;
mod progress;
mod ranked;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

pub use comments::Comments;
pub use copy::CopyButton;
pub use guide::{ReadingGuide, RoundPicker, ViewOptions};
#[cfg(feature = "ssr")]
pub use matrix::standalone_svg;
pub use matrix::{Legend, Matrix};
pub use panels::ResultsPanels;
pub use printed::PrintedOn;
pub use progress::ProgressTable;
pub use ranked::RankedTable;

use crate::error::AppError;
use crate::hydration::island_hydrated;
use crate::i18n::{Lang, use_lang, use_texts};

#[component]
pub fn Header() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let location = use_location();
    // A form, not a link: the page's address (which may hold a secret) travels in the body,
    // never in a query string that logs and histories keep.
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content()}</a>
        <header class="site-header">
            <a class="brand" href="/">{t.app_name()}</a>
            <div class="languages">
                {Lang::ALL.into_iter().filter(move |other| *other != lang).map(|other| view! {
                    <form class="language" method="post" action=format!("/lang/{}", other.code())>
                        <input type="hidden" name="to" value=move || location.pathname.get() />
                        <button type="submit" lang=other.code()>{other.name()}</button>
                    </form>
                }).collect_view()}
            </div>
        </header>
    }
}

/// Sets the HTTP status of the page being rendered to the one `error` stands for.
pub fn answer_with(error: &AppError) {
    #[cfg(feature = "ssr")]
    if let (AppError::Domain(domain), Some(response)) = (error, use_context::<leptos_axum::ResponseOptions>()) {
        response.set_status(crate::error::status(domain));
    }
    #[cfg(not(feature = "ssr"))]
    let _ = error;
}

/// An error in place of a page's content; the page's HTTP status says the same.
#[component]
pub fn ErrorNote(error: AppError) -> impl IntoView {
    answer_with(&error);
    view! { <p class="error" role="alert">{error.text(use_lang())}</p> }
}

/// The error of an action's last run, if it failed: what a form's [`FormError`] shows.
pub fn last_error<T: Clone + Send + Sync + 'static>(
    value: MappedSignal<Option<Result<T, AppError>>>,
) -> Signal<Option<AppError>> {
    Signal::derive(move || value.get().and_then(Result::err))
}

/// A form's submit handler once the page is interactive: the action gets `input()`, typed, in
/// place of the browser's own post to the server function, which still works without scripts.
pub fn submit_typed<S>(action: ServerAction<S>, input: impl Fn() -> S + 'static) -> impl Fn(leptos::ev::SubmitEvent)
where
    S: leptos::server_fn::ServerFn + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    move |event| {
        event.prevent_default();
        action.dispatch(input());
    }
}

/// The last error of a form's action, if its last run failed.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || error.get().map(|error| view! { <ErrorNote error /> })
}

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading">{use_texts().loading()}</p> }
}

#[component]
pub fn DemoBadge(demo: bool) -> impl IntoView {
    demo.then(|| view! { <p class="demo-badge">{use_texts().demo_badge()}</p> })
}

/// Opens the browser's print dialog: a handler, not inline script, which the page's policy
/// forbids. Inside an island; [`PrintButton`] is the same on a page without one.
pub fn print_button() -> impl IntoView {
    let print = |_| {
        #[cfg(feature = "hydrate")]
        let _ = window().print();
    };
    view! { <button type="button" class="print" on:click=print>{use_texts().print()}</button> }
}

/// [`print_button`] as an island of its own.
#[island]
pub fn PrintButton() -> impl IntoView {
    island_hydrated();
    print_button()
}
