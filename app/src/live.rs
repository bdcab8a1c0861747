//! The browser's side of live updates: an `EventSource` on one of the server's live streams,
//! whose newest `view` and `sheet` events become signals. On the server the signals stay
//! empty, and pages render what they loaded; the browser reconnects by itself after a break.

use leptos::prelude::*;

use crate::model::{LiveSheet, LiveState, Results, Segment};

/// The newest events of one live stream.
#[derive(Clone, Copy)]
pub struct Live {
    pub view: ReadSignal<Option<LiveState>>,
    pub sheet: ReadSignal<Option<LiveSheet>>,
}

/// Follows `path` (e.g. `/api/v1/workshops/ABC234/live`) while the calling component lives.
pub fn follow(path: String) -> Live {
    let (view, set_view) = signal(None::<LiveState>);
    let (sheet, set_sheet) = signal(None::<LiveSheet>);
    #[cfg(feature = "hydrate")]
    browser::open(path, set_view, set_sheet);
    #[cfg(not(feature = "hydrate"))]
    let _ = (path, set_view, set_sheet);
    Live { view, sheet }
}

impl Live {
    /// The results in the newest view, when the one watching may see them.
    pub fn results(&self) -> Signal<Option<Results>> {
        let view = self.view;
        Signal::derive(move || {
            view.with(|view| {
                let view = view.as_ref()?;
                let standings = view.standings.clone()?;
                let segment = Segment { tag: None, groups: view.workshop.groups.len() as u32 };
                Some(Results::new(view.workshop.clone(), segment, standings))
            })
        })
    }
}

/// The time of day of a stored timestamp (ISO 8601, UTC): local time in the browser.
pub fn clock(timestamp: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(timestamp));
        if !date.get_time().is_nan() {
            return format!("{:02}:{:02}:{:02}", date.get_hours(), date.get_minutes(), date.get_seconds());
        }
    }
    timestamp.get(11..19).unwrap_or(timestamp).to_owned()
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use serde::de::DeserializeOwned;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{EventSource, MessageEvent};

    use crate::model::{LiveComments, LiveSheet, LiveState, LiveView};

    pub fn open(path: String, view: WriteSignal<Option<LiveState>>, sheet: WriteSignal<Option<LiveSheet>>) {
        let Ok(source) = EventSource::new(&path) else { return };
        listen(&source, "view", move |next: LiveView| {
            if let Some(workshop) = &next.workshop {
                follow_code(&workshop.code);
            }
            view.maybe_update(|current| {
                let newer = current.as_ref().is_none_or(|current| next.version > current.version);
                match LiveState::after(current.as_ref(), next).filter(|_| newer) {
                    Some(state) => {
                        *current = Some(state);
                        true
                    }
                    None => false,
                }
            });
        });
        // Comments follow the view of their version, and only when they changed.
        listen(&source, "comments", move |next: LiveComments| {
            view.maybe_update(|current| match current {
                Some(state) if next.version >= state.version && state.comments != next.comments => {
                    state.with_comments(next.comments);
                    true
                }
                _ => false,
            });
        });
        listen(&source, "sheet", move |next: LiveSheet| keep_newest(sheet, next, |s| s.version));
        let source = send_wrapper::SendWrapper::new(source);
        on_cleanup(move || source.close());
    }

    /// A workshop's pages move with its join code when the facilitator renews it: `/w/OLD/…`
    /// becomes `/w/NEW/…`, keys and secrets in the rest of the address unchanged.
    fn follow_code(code: &str) {
        let location = window().location();
        let Ok(path) = location.pathname() else { return };
        let mut parts: Vec<&str> = path.split('/').collect();
        if let ["", "w", shown, ..] = parts[..]
            && shown != code
        {
            parts[2] = code;
            let _ = location.replace(&parts.join("/"));
        }
    }

    /// Versions only move forward: an older event (after a reconnect, say) changes nothing.
    fn keep_newest<T: Send + Sync + 'static>(signal: WriteSignal<Option<T>>, next: T, version: fn(&T) -> i64) {
        signal.maybe_update(|current| {
            let newer = current.as_ref().is_none_or(|current| version(&next) > version(current));
            if newer {
                *current = Some(next);
            }
            newer
        });
    }

    fn listen<T: DeserializeOwned + 'static>(source: &EventSource, name: &str, handle: impl Fn(T) + 'static) {
        let callback = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(data) = event.data().as_string()
                && let Ok(value) = serde_json::from_str(&data)
            {
                handle(value);
            }
        });
        let _ = source.add_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
        // The source owns the listener for as long as it is open.
        callback.forget();
    }
}
