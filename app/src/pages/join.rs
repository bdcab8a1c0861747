use leptos::prelude::*;

use super::param;
use crate::actions::load_workshop;
use crate::i18n::use_texts;
use crate::ui::{DemoBadge, ErrorNote, Loading};

/// Where the join link leads: pick a group.
#[component]
pub fn JoinPage() -> impl IntoView {
    let t = use_texts();
    let workshop = Resource::new(param("code"), load_workshop);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match workshop.await {
                    Err(error) => view! { <ErrorNote error /> }.into_any(),
                    Ok(workshop) => {
                        let code = workshop.code.clone();
                        let groups = workshop.groups.iter().map(|group| {
                            view! { <li><a class="group-link" href=format!("/w/{code}/g/{}", group.id)>{group.name.clone()}</a></li> }
                        }).collect_view();
                        view! {
                            <DemoBadge demo=workshop.demo />
                            <h1>{workshop.title.clone()}</h1>
                            <p>{workshop.description.clone()}</p>
                            <h2>{t.pick_group}</h2>
                            {if workshop.groups.is_empty() {
                                view! { <p>{t.no_groups_yet}</p> }.into_any()
                            } else {
                                view! { <ul class="group-list">{groups}</ul> }.into_any()
                            }}
                            <p><a href=format!("/w/{}/results", workshop.code)>{t.see_results}</a></p>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
