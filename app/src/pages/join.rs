use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use super::param;
use crate::actions::{JoinGroup, load_workshop};
use crate::hydration::island_hydrated;
use crate::i18n::{Lang, other_lang, use_texts};
use crate::model::{Workshop, results_path};
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
                    Ok(workshop) => view! { <JoinWorkshop workshop /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A group as the join page offers it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Choice {
    group: i64,
    name: String,
    /// Someone took it already: it is shown, not offered.
    joined: bool,
}

#[component]
fn JoinWorkshop(workshop: Workshop) -> impl IntoView {
    let t = use_texts();
    let choices: Vec<Choice> = workshop
        .groups
        .iter()
        .map(|group| Choice { group: group.id.0, name: group.name.clone(), joined: group.joined })
        .collect();
    let lang = other_lang(workshop.settings.language);
    view! {
        <Title text=format!("{} – {}", t.pick_group(), workshop.title) />
        <DemoBadge demo=workshop.demo />
        <h1 lang=lang.map(Lang::code)>{workshop.title.clone()}</h1>
        <p lang=lang.map(Lang::code)>{workshop.description.clone()}</p>
        <h2>{t.pick_group()}</h2>
        {if choices.is_empty() {
            view! { <p>{t.no_groups_yet()}</p> }.into_any()
        } else {
            view! {
                <Join code=workshop.code.clone() choices lang />
                <p class="hint">{t.group_taken_hint()}</p>
            }
            .into_any()
        }}
        <p><a href=results_path(&workshop.code)>{t.see_results()}</a></p>
    }
}

/// The groups to pick from: taking one opens its sheet.
#[island]
fn Join(code: String, choices: Vec<Choice>, lang: Option<Lang>) -> impl IntoView {
    let lang = lang.map(Lang::code);
    island_hydrated();
    let t = use_texts();
    let join = ServerAction::<JoinGroup>::new();
    let code = StoredValue::new(code);
    let groups = choices
        .into_iter()
        .map(|choice| {
            if choice.joined {
                view! { <li class="group-taken"><span lang=lang>{choice.name}</span>" "<span class="hint">{t.group_joined()}</span></li> }
                    .into_any()
            } else {
                let group = choice.group;
                view! {
                    <li>
                        // A plain form until the page is interactive.
                        <form method="post" action=JoinGroup::PATH on:submit=submit_typed(join, move || JoinGroup { code: code.get_value(), group })>
                            <input type="hidden" name="code" value=code.get_value() />
                            <input type="hidden" name="group" value=group />
                            <button type="submit" class="group-link" lang=lang>{choice.name}</button>
                        </form>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <ul class="group-list">{groups}</ul>
        <FormError error=last_error(join.value()) />
    }
}
