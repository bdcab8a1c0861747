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
            copied.set(browser::write(&whole));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&text, absolute);
    };
    view! {
        <button type="button" class="copy needs-script" aria-label=label on:click=copy>
            {move || if copied.get() { t.copied() } else { t.copy() }}
        </button>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};

    /// Hands `text` to `navigator.clipboard.writeText`, where the browser offers it (only on
    /// secure pages). The copy itself finishes a moment later; awaiting it here would put the
    /// futures' glue in every page's main module.
    pub fn write(text: &str) -> bool {
        let navigator: JsValue = leptos::prelude::window().navigator().into();
        let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| !c.is_undefined());
        let Some(clipboard) = clipboard else { return false };
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok();
        let Some(write) = write.and_then(|write| write.dyn_into::<js_sys::Function>().ok()) else { return false };
        write.call1(&clipboard, &text.into()).is_ok()
    }
}
