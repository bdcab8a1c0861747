mod about;
mod cards;
mod home;
mod join;
mod manage;
mod results;
mod screen;
mod sheet;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

pub use about::{ACCESSIBILITY_SEGMENT, AccessibilityPage, Footer, PRIVACY_SEGMENT, PrivacyPage};
pub use cards::GroupCardsPage;
pub use home::HomePage;
pub use join::JoinPage;
pub use manage::{ManagePage, Part};
pub use results::ResultsPage;
pub use screen::ScreenPage;
pub use sheet::SheetPage;

use crate::i18n::use_texts;

/// A route parameter, empty when absent.
fn param(name: &'static str) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let t = use_texts();
    view! {
        <Title text=format!("{} – {}", t.not_found().trim_end_matches('.'), t.app_name()) />
        <p class="error">{t.not_found()}</p>
    }
}
