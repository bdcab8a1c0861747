//! When a page is interactive: once every island on it has hydrated, the body says so
//! (`data-hydrated`). Styles then hide the no-script fallbacks, and browser tests wait for it.
//! Islands never nest here, so each island on the page is counted on its own.

/// Every island calls this where its content is built: the effect runs once that content has
/// hydrated. Content rebuilt later may call it again: by then the page is marked.
pub fn island_hydrated() {
    #[cfg(feature = "hydrate")]
    leptos::prelude::Effect::new(browser::one_more_hydrated);
}

/// A page without islands is interactive as soon as its script has loaded.
#[cfg(feature = "hydrate")]
pub fn page_loaded() {
    browser::mark_when_all_hydrated();
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::sync::atomic::{AtomicU32, Ordering};

    use leptos::prelude::document;

    static HYDRATED: AtomicU32 = AtomicU32::new(0);

    pub fn one_more_hydrated() {
        HYDRATED.fetch_add(1, Ordering::Relaxed);
        mark_when_all_hydrated();
    }

    pub fn mark_when_all_hydrated() {
        let islands = document().query_selector_all("leptos-island").map(|found| found.length()).unwrap_or(0);
        if HYDRATED.load(Ordering::Relaxed) >= islands
            && let Some(body) = document().body()
        {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    }
}
