//! Each area's latest changes, under the area on the facilitator page: who changed what, when.

use kvadrant::AreaId;
use leptos::prelude::*;

use super::{Actions, Credentials};
use crate::actions::load_changes;
use crate::error::AppError;
use crate::i18n::{Texts, use_texts};
use crate::model::{ChangeEntry, Settings};
use crate::ui::{ErrorNote, Loading};

/// How many changes each area shows: the short history a facilitator checks in the room.
const SHOWN_PER_AREA: usize = 10;

pub(super) type Changes = Resource<Result<Vec<ChangeEntry>, AppError>>;

/// The workshop's latest changes, read once for every area's history and again after each change here.
pub(super) fn load(keys: Credentials, actions: Actions) -> Changes {
    Resource::new(
        move || (keys.code.get_value(), keys.secret.get_value(), actions.changes()),
        |(code, secret, _)| load_changes(code, secret),
    )
}

/// `2026-11-26T15:30:12.345Z` as `2026-11-26 15:30:12`.
fn when(at: &str) -> String {
    at.get(..19).unwrap_or(at).replace('T', " ")
}

fn what(t: &Texts, settings: &Settings, change: &ChangeEntry) -> String {
    let mut line = t.change_name(change).to_owned();
    let field = t.change_subject_field(settings, change);
    if !field.is_empty() {
        line.push_str(&format!(" · {field}"));
    }
    if change.old.is_some() || change.new.is_some() {
        let value = |value: &Option<String>| value.clone().unwrap_or_else(|| "–".to_owned());
        line.push_str(&format!(": {} → {}", value(&change.old), value(&change.new)));
    }
    line
}

#[component]
pub(super) fn AreaHistory(area: AreaId, changes: Changes, settings: Settings) -> impl IntoView {
    let t = use_texts();
    view! {
        <details class="area-history">
            <summary>{t.area_history()}</summary>
            <Transition fallback=Loading>
                {move || {
                    let settings = settings.clone();
                    Suspend::new(async move {
                        let changes = match changes.await {
                            Ok(changes) => changes,
                            Err(error) => return view! { <ErrorNote error /> }.into_any(),
                        };
                        let mine: Vec<ChangeEntry> = changes.into_iter().filter(|c| c.area_id == Some(area)).collect();
                        if mine.is_empty() {
                            return view! { <p class="hint">{t.no_changes()}</p> }.into_any();
                        }
                        let rows = mine
                            .iter()
                            .rev()
                            .take(SHOWN_PER_AREA)
                            .map(|change| {
                                view! {
                                    <li>
                                        <time datetime=change.at.clone()>{when(&change.at)}</time>
                                        " UTC · "
                                        <span class="who">{t.change_actor(change)}</span>
                                        " · "
                                        {what(t, &settings, change)}
                                    </li>
                                }
                            })
                            .collect_view();
                        view! { <ol class="history">{rows}</ol> }.into_any()
                    })
                }}
            </Transition>
        </details>
    }
}
