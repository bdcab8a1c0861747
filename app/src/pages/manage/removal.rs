//! Removing safely: the remove button first says what goes with the item, and after a
//! removal an undo stays on offer until another removal or the undo itself.

use leptos::prelude::*;

use super::{Actions, Credentials};
use crate::i18n::use_texts;
use crate::model::{ListKind, Removal, Usage};
use crate::ui::{FormError, last_error};

/// The undo button's id: where focus goes after a removal, since the removed item's own
/// controls went with it.
pub const UNDO_BUTTON: &str = "undo-removal";

/// The last removal, with the button that puts it back.
#[component]
pub fn Undo(keys: Credentials, actions: Actions) -> impl IntoView {
    let t = use_texts();
    let removal = move || actions.remove.value().get().and_then(Result::ok);
    // The removal the last undo put back: its offer ends there. A later removal brings a new one.
    let undone = RwSignal::new(None::<i64>);
    Effect::new(move |_| {
        if matches!(actions.restore.value().get(), Some(Ok(()))) {
            undone.set(untrack(removal).map(|removal| removal.id));
        }
    });
    let offered = move || removal().filter(|removal| undone.get() != Some(removal.id));
    view! {
        {move || offered().map(|removal: Removal| {
            let undo = t.undo(&removal.name);
            let name = undo.clone();
            let said = format!("{} {}", t.removed(&removal), t.undo_help(kvadrant::limits::UNDO_MINUTES));
            view! {
                <section class="card undo" aria-label=name>
                    <p>{said}</p>
                    <ActionForm action=actions.restore>
                        {keys.fields()}
                        <input type="hidden" name="removal" value=removal.id />
                        <button type="submit" id=UNDO_BUTTON>{undo}</button>
                    </ActionForm>
                </section>
            }
        })}
        <FormError error=last_error(actions.restore.value()) />
    }
}

/// The remove button of one item: opening it says what goes with the item, and only the
/// button inside removes it.
#[component]
pub fn RemoveControl(
    keys: Credentials,
    actions: Actions,
    list: ListKind,
    id: i64,
    label: String,
    usage: Option<Usage>,
) -> impl IntoView {
    let t = use_texts();
    let takes = match (list, usage.and_then(|usage| usage.of(list, id))) {
        (ListKind::Categories, _) => t.remove_category_takes().to_owned(),
        (ListKind::Areas, used) => t.remove_area_takes(used.map_or(0, |u| u.comments), used.map_or(0, |u| u.scored)),
        (ListKind::Groups, used) => t.remove_group_takes(used.map_or(0, |u| u.scored), used.map_or(0, |u| u.comments)),
    };
    view! {
        <details class="remove">
            <summary>{t.remove()}<span class="visually-hidden">": "{label.clone()}</span></summary>
            <p>{takes}" "{t.undo_help(kvadrant::limits::UNDO_MINUTES)}</p>
            <ActionForm action=actions.remove attr:class="inline">
                {keys.fields()}
                <input type="hidden" name="list" value=list.as_str() />
                <input type="hidden" name="id" value=id />
                <button type="submit" class="danger">{t.remove_for_good(&label)}</button>
            </ActionForm>
        </details>
    }
}
