//! A button that copies a link, for pasting into a chat or an invitation. It needs scripts, so
//! it shows only once the page is interactive; the link beside it can always be selected.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// Copies `text` (a path made whole with the page's origin if `absolute`) to the clipboard.
#[component]
pub fn CopyButton(text: String, label: String, #[prop(optional)] absolute: bool) -> impl IntoView {
    let t = use_texts();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let whole = match absolute {
                true => format!("{}{text}", window().location().origin().unwrap_or_default()),
                false => text.clone(),
            };
            let written = browser::write(&whole);
            leptos::task::spawn_local(async move { copied.set(written.await) });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&text, absolute);
    };
    view! {
        <button type="button" class="copy needs-script" aria-label=label on:click=copy>
            {move || if copied.get() { t.copied } else { t.copy }}
        </button>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};

    /// `navigator.clipboard.writeText(text)`, where the browser offers it (only on secure
    /// pages): whether the text reached the clipboard.
    pub fn write(text: &str) -> impl Future<Output = bool> + use<> {
        let navigator: JsValue = leptos::prelude::window().navigator().into();
        let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| !c.is_undefined());
        let write = clipboard.as_ref().and_then(|clipboard| js_sys::Reflect::get(clipboard, &"writeText".into()).ok());
        let written = match (clipboard, write.and_then(|write| write.dyn_into::<js_sys::Function>().ok())) {
            (Some(clipboard), Some(write)) => write.call1(&clipboard, &text.into()).ok(),
            _ => None,
        };
        async move {
            match written.and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok()) {
                Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                None => false,
            }
        }
    }
}
