use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::param;
use crate::actions::{JoinGroup, load_workshop};
use crate::hydration::island_hydrated;
use crate::i18n::use_texts;
use crate::model::Workshop;
use crate::ui::{DemoBadge, ErrorNote, FormError, Loading, last_error, submit_typed};

/// Where the join link leads: take a group that has not joined yet, and open its sheet.
#[component]
pub fn JoinPage() -> impl IntoView {
    let workshop = Resource::new(param("code"), load_workshop);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match workshop.await {
                    Err(error) => view! { <ErrorNote error /> }.into_any(),
                    Ok(workshop) => view! { <Join workshop /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[island]
fn Join(workshop: Workshop) -> impl IntoView {
    island_hydrated();
    let t = use_texts();
    let join = ServerAction::<JoinGroup>::new();
    let code = StoredValue::new(workshop.code.clone());
    let groups = workshop
        .groups
        .clone()
        .into_iter()
        .map(|group| {
            if group.joined {
                view! { <li class="group-taken">{group.name}" "<span class="hint">{t.group_joined}</span></li> }
                    .into_any()
            } else {
                view! {
                    <li>
                        // A plain form until the page is interactive.
                        <form method="post" action=JoinGroup::PATH on:submit=submit_typed(join, move || JoinGroup { code: code.get_value(), group: group.id.0 })>
                            <input type="hidden" name="code" value=code.get_value() />
                            <input type="hidden" name="group" value=group.id.0 />
                            <button type="submit" class="group-link">{group.name}</button>
                        </form>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <DemoBadge demo=workshop.demo />
        <h1>{workshop.title.clone()}</h1>
        <p>{workshop.description.clone()}</p>
        <h2>{t.pick_group}</h2>
        {if workshop.groups.is_empty() {
            view! { <p>{t.no_groups_yet}</p> }.into_any()
        } else {
            view! {
                <ul class="group-list">{groups}</ul>
                <p class="hint">{t.group_taken_hint}</p>
            }
            .into_any()
        }}
        <FormError error=last_error(join.value()) />
        <p><a href=format!("/w/{}/results", workshop.code)>{t.see_results}</a></p>
    }
}
