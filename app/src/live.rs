//! The browser's side of live updates: an `EventSource` on one of the server's live streams,
//! whose newest events become signals. On the server the signals stay empty, and pages render
//! what they loaded; the browser reconnects by itself after a break.

use kvadrant::AreaId;
use leptos::prelude::*;
use serde::Deserialize;

use crate::model::{LiveSheet, LiveState, Results, ResultsView, Segment};

/// The newest views of a workshop's live stream.
#[derive(Clone, Copy)]
pub struct Live {
    pub view: ReadSignal<Option<LiveState>>,
}

/// Follows a workshop's stream at `path` (e.g. `/api/v1/workshops/ABC234/live`) while the
/// calling component lives.
pub fn follow(path: String) -> Live {
    let (view, set_view) = signal(None::<LiveState>);
    #[cfg(feature = "hydrate")]
    browser::follow_views(&path, set_view);
    #[cfg(not(feature = "hydrate"))]
    let _ = (path, set_view);
    Live { view }
}

/// The newest events of a group's sheet stream, as the sheet reads them.
#[derive(Clone, Copy)]
pub struct SheetLive {
    pub outline: ReadSignal<Option<Outline>>,
    pub sheet: ReadSignal<Option<LiveSheet>>,
}

/// What a sheet reads of a `view` event ([`crate::model::LiveView`]): whether scoring is open
/// and which areas there are, when the event carries the workshop. The rest of the event is
/// passed over unread, so the participant's browser carries no code to decode results.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Outline {
    pub version: i64,
    pub workshop: Option<OutlineWorkshop>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OutlineWorkshop {
    pub code: String,
    pub scoring_open: bool,
    pub areas: Vec<OutlineArea>,
    #[serde(default)]
    pub round: u32,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OutlineArea {
    pub id: AreaId,
}

/// Follows a group's sheet stream at `path` while the calling component lives.
pub fn follow_sheet(path: String) -> SheetLive {
    let (outline, set_outline) = signal(None::<Outline>);
    let (sheet, set_sheet) = signal(None::<LiveSheet>);
    #[cfg(feature = "hydrate")]
    browser::follow_sheet(&path, set_outline, set_sheet);
    #[cfg(not(feature = "hydrate"))]
    let _ = (path, set_outline, set_sheet);
    SheetLive { outline, sheet }
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
                let round = view.workshop.round;
                Some(Results::new(view.workshop.clone(), segment, ResultsView::Official, round, standings))
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

    use super::Outline;
    use crate::model::{LiveComments, LiveSheet, LiveState, LiveView};

    pub fn follow_views(path: &str, view: WriteSignal<Option<LiveState>>) {
        let Some(source) = open(path) else { return };
        // A version's view, and the same again once its rank bands are drawn.
        for name in ["view", "bands"] {
            listen(&source, name, move |next: LiveView| {
                if let Some(workshop) = &next.workshop {
                    follow_code(&workshop.code);
                }
                view.maybe_update(|current| {
                    let newer = current.as_ref().is_none_or(|current| next.version >= current.version);
                    match LiveState::after(current.as_ref(), next).filter(|_| newer) {
                        Some(state) => {
                            *current = Some(state);
                            true
                        }
                        None => false,
                    }
                });
            });
        }
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
    }

    pub fn follow_sheet(path: &str, outline: WriteSignal<Option<Outline>>, sheet: WriteSignal<Option<LiveSheet>>) {
        let Some(source) = open(path) else { return };
        listen(&source, "view", move |next: Outline| {
            // A view without the workshop in it changes nothing a sheet shows.
            if let Some(workshop) = &next.workshop {
                follow_code(&workshop.code);
                keep_newest(outline, next, |o| o.version);
            }
        });
        listen(&source, "sheet", move |next: LiveSheet| keep_newest(sheet, next, |s| s.version));
    }

    /// An event source on `path`, closed when the calling component goes.
    fn open(path: &str) -> Option<EventSource> {
        let source = EventSource::new(path).ok()?;
        let closing = send_wrapper::SendWrapper::new(source.clone());
        on_cleanup(move || closing.close());
        Some(source)
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

#[cfg(test)]
mod tests {
    use kvadrant::{AreaId, CategoryId, GroupId};

    use super::{Outline, OutlineArea, OutlineWorkshop};
    use crate::model::{Area, Group, GroupProgress, LiveView, Settings, Workshop};

    fn workshop() -> Workshop {
        Workshop {
            code: "ABC234".into(),
            title: "Prioritering".into(),
            description: String::new(),
            scoring_open: true,
            results_hidden: false,
            demo: false,
            settings: Settings::default(),
            categories: Vec::new(),
            areas: [7, 3]
                .map(|id| Area {
                    id: AreaId(id),
                    name: format!("Area {id}"),
                    description: String::new(),
                    category_id: None::<CategoryId>,
                })
                .into(),
            groups: vec![Group { id: GroupId(1), name: "Gruppe 1".into(), tags: Vec::new(), joined: true }],
            round: 1,
            deleted_on: None,
        }
    }

    fn outline(view: &LiveView) -> Outline {
        serde_json::from_str(&serde_json::to_string(view).unwrap()).expect("a sheet reads every view event")
    }

    #[test]
    fn a_sheet_reads_what_it_shows_from_the_servers_view_events() {
        let mut view = LiveView {
            version: 12,
            workshop: Some(workshop()),
            standings: None,
            groups_done: 1,
            progress: vec![GroupProgress {
                group_id: GroupId(1),
                scored: 2,
                last_activity: Some("2026-11-27T08:00:00Z".into()),
            }],
            suggestions: Vec::new(),
        };
        let expected = OutlineWorkshop {
            code: "ABC234".into(),
            scoring_open: true,
            areas: vec![OutlineArea { id: AreaId(7) }, OutlineArea { id: AreaId(3) }],
            round: 1,
        };
        assert_eq!(outline(&view), Outline { version: 12, workshop: Some(expected) });
        view.workshop = None;
        assert_eq!(outline(&view), Outline { version: 12, workshop: None });
    }
}
