//! Kvadrant's pages. Rendered on the server, readable before any script runs; only their
//! interactive parts (islands) load code in the browser and hydrate.
// Leptos views are deeply nested types; the sheet's exceeds the default limit in the WASM build.
#![recursion_limit = "256"]

pub mod actions;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod error;
mod hydration;
pub mod i18n;
mod instance;
pub mod live;
pub use kvadrant_api::model;
mod pages;
mod private_links;
mod ui;

/// The quadrant matrix of `results` as an SVG document, for exports.
#[cfg(feature = "ssr")]
pub use ui::standalone_svg as matrix_svg;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, StaticSegment, path};

use crate::i18n::{current_lang, use_texts};
pub use crate::instance::Instance;
use crate::pages::{
    ACCESSIBILITY_SEGMENT, AccessibilityPage, Footer, GroupCardsPage, HomePage, JoinPage, ManagePage, NotFound,
    PRIVACY_SEGMENT, Part, PrivacyPage, ResultsPage, ScreenPage, SheetPage,
};

/// The HTML document around the app; only the server renders it.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang=current_lang().code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                // Facilitator pages carry their secret in the address: never send it to another site.
                <meta name="referrer" content="same-origin" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                // Under the build's address (`/pkg/<build>/kvadrant.css`), as the scripts are.
                <HashedStylesheet options=options.clone() id="kvadrant" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(current_lang());
    let t = use_texts();
    view! {
        <Title text=t.app_name() />
        <Router>
            <ui::Header />
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=StaticSegment(ACCESSIBILITY_SEGMENT) view=AccessibilityPage />
                    <Route path=StaticSegment(PRIVACY_SEGMENT) view=PrivacyPage />
                    <Route path=path!("/w/:code") view=JoinPage ssr=SsrMode::Async />
                    <Route path=path!("/w/:code/g/:group/:key") view=SheetPage ssr=SsrMode::Async />
                    <Route path=path!("/w/:code/results") view=ResultsPage ssr=SsrMode::Async />
                    <Route path=path!("/w/:code/review/:secret") view=ResultsPage ssr=SsrMode::Async />
                    <Route path=path!("/w/:code/screen") view=ScreenPage ssr=SsrMode::Async />
                    <Route path=path!("/w/:code/manage/:secret") view=|| view! { <ManagePage part=Part::Prepare /> } ssr=SsrMode::Async />
                    <Route path=path!("/w/:code/manage/:secret/run") view=|| view! { <ManagePage part=Part::Run /> } ssr=SsrMode::Async />
                    <Route path=path!("/w/:code/manage/:secret/review") view=|| view! { <ManagePage part=Part::Review /> } ssr=SsrMode::Async />
                    <Route path=path!("/w/:code/manage/:secret/cards") view=GroupCardsPage ssr=SsrMode::Async />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // Without a router in the browser, a server function's redirect (to a new workshop's
    // page, say) is a plain navigation.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|to: &str| {
        let _ = window().location().set_href(to);
    });
    hydration::page_loaded();
}
