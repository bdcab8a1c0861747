use kvadrant::{Description, JoinCode};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::actions::{CreateWorkshop, ImportWorkshop, demo_code, load_managed};
use crate::error::AppError;
use crate::hydration::island_hydrated;
use crate::i18n::use_texts;
use crate::model::results_path;
use crate::private_links::{self, PrivateLink};
use crate::ui::{ErrorNote, FormError, last_error};

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let join_invalid = move || query.read().get("join").is_some();
    let demo = Resource::new(|| (), |_| demo_code());

    view! {
        <section class="intro">
            <h1>{t.app_name()}</h1>
            <p class="lead">{t.tagline()}</p>
        </section>
        <div class="cards">
            <section class="card">
                <h2>{t.join_heading()}</h2>
                <form action="/join" method="get" class="join-form">
                    <label for="join-code">{t.join_code_label()}</label>
                    <input id="join-code" name="code" required autocomplete="off" autocapitalize="characters"
                        spellcheck="false" maxlength=JoinCode::MAX_TYPED class="code-input" />
                    <button type="submit">{t.join_button()}</button>
                </form>
                {move || join_invalid().then(|| view! { <p class="error" role="alert">{t.join_invalid()}</p> })}
            </section>
            <NewWorkshop />
            <MyWorkshops />
            <ImportSetup />
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    demo.await.ok().flatten().map(|code| view! {
                        <section class="card demo">
                            <h2>{t.demo_heading()}</h2>
                            <p class="hint">{t.demo_intro()}</p>
                            <p class="links">
                                <a href=format!("/w/{code}")>{t.demo_join()}</a>
                                <a href=results_path(&code)>{t.demo_results()}</a>
                            </p>
                        </section>
                    })
                })}
            </Suspense>
        </div>
    }
}

/// A new, empty workshop, whose facilitator page opens once it is made.
#[island(lazy)]
fn NewWorkshop() -> impl IntoView {
    island_hydrated();
    let t = use_texts();
    let create = ServerAction::<CreateWorkshop>::new();
    view! {
        <section class="card">
            <h2>{t.create_heading()}</h2>
            <p class="hint">{t.create_intro()}</p>
            <ActionForm action=create>
                <label for="title">{t.title_label()}</label>
                <input id="title" name="title" required maxlength=kvadrant::Title::MAX_CHARS />
                <label for="description">{t.description_label()}</label>
                <textarea id="description" name="description" rows="3" maxlength=Description::MAX_CHARS></textarea>
                <button type="submit">{t.create_button()}</button>
            </ActionForm>
            <FormError error=last_error(create.value()) />
        </section>
    }
}

/// The workshops this browser holds facilitator links to, each with its state as it is now.
/// The list lives in the browser, so it appears once scripts run.
#[island(lazy)]
fn MyWorkshops() -> impl IntoView {
    island_hydrated();
    let t = use_texts();
    let links = RwSignal::new(None::<Vec<PrivateLink>>);
    Effect::new(move || links.set(Some(private_links::all())));
    let forget = move |code: String| {
        private_links::forget(&code);
        links.update(|links| {
            if let Some(links) = links {
                links.retain(|link| link.code != code);
            }
        });
    };
    view! {
        <section class="card my-workshops" aria-labelledby="my-workshops-heading">
            <h2 id="my-workshops-heading">{t.my_workshops()}</h2>
            <p class="hint">{t.my_workshops_help()}</p>
            {move || links.get().map(|links| {
                if links.is_empty() {
                    view! { <p class="empty">{t.no_my_workshops()}</p> }.into_any()
                } else {
                    let rows = links
                        .into_iter()
                        .map(|link| view! { <HeldWorkshop link forget /> })
                        .collect_view();
                    view! { <ul class="items">{rows}</ul> }.into_any()
                }
            })}
        </section>
    }
}

#[component]
fn HeldWorkshop(link: PrivateLink, forget: impl Fn(String) + Copy + Send + Sync + 'static) -> impl IntoView {
    let t = use_texts();
    let (code, secret) = (link.code.clone(), link.secret.clone());
    let workshop = LocalResource::new(move || load_managed(code.clone(), secret.clone()));
    let path = link.manage_path();
    let code = link.code.clone();
    let stored_title = link.title.clone();
    let state = move || {
        workshop.get().map(|loaded: Result<_, AppError>| match loaded {
            Ok(workshop) => {
                let scoring = if workshop.scoring_open { t.scoring_is_open() } else { t.scoring_is_closed() };
                let groups = t.groups_of(workshop.groups.len());
                view! {
                    <span class="title">{workshop.title.clone()}</span>
                    <span class="status" data-open=workshop.scoring_open.to_string()>
                        {scoring}" · "{groups}
                    </span>
                }
                .into_any()
            }
            Err(error) => view! {
                <span class="title">{stored_title.clone()}</span>
                <ErrorNote error />
            }
            .into_any(),
        })
    };
    view! {
        <li class="item held-workshop" data-code=link.code.clone()>
            <div class="area-text">
                {state}
                <span class="hint">{t.join_code()}": "{link.code.clone()}</span>
            </div>
            <div class="controls">
                <a class="button" href=path>{t.open()}</a>
                <button type="button" class="secondary" on:click=move |_| forget(code.clone())>{t.forget()}</button>
            </div>
        </li>
    }
}

/// A new workshop from a setup downloaded from another: pasted, or read from the file.
#[island(lazy)]
fn ImportSetup() -> impl IntoView {
    island_hydrated();
    let t = use_texts();
    let import = ServerAction::<ImportWorkshop>::new();
    let text = RwSignal::new(String::new());
    view! {
        <section class="card import" aria-labelledby="import-heading">
            <h2 id="import-heading">{t.import_heading()}</h2>
            <p class="hint">{t.import_help()}</p>
            <ActionForm action=import attr:class="import-form">
                <label for="setup-file">{t.import_file_label()}</label>
                <input id="setup-file" type="file" accept="application/json,.json" on:change=move |event| read_file(event, text) />
                <label for="setup">{t.import_text_label()}</label>
                <textarea id="setup" name="setup" rows="6" required spellcheck="false" class="code"
                    prop:value=move || text.get() on:input=move |event| text.set(event_target_value(&event))></textarea>
                <button type="submit">{t.import_button()}</button>
            </ActionForm>
            <FormError error=last_error(import.value()) />
        </section>
    }
}

/// Puts the chosen file's text in the form.
fn read_file(event: leptos::ev::Event, text: RwSignal<String>) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let file = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            leptos::task::spawn_local(async move {
                if let Ok(contents) = wasm_bindgen_futures::JsFuture::from(file.text()).await
                    && let Some(contents) = contents.as_string()
                {
                    text.set(contents);
                }
            });
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (event, text);
}
