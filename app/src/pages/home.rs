use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::actions::{CreateWorkshop, demo_code};
use crate::i18n::use_texts;
use crate::ui::FormError;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let join_invalid = move || query.read().get("join").is_some();
    let create = ServerAction::<CreateWorkshop>::new();
    let demo = Resource::new(|| (), |_| demo_code());

    view! {
        <section class="intro">
            <h1>{t.app_name}</h1>
            <p class="lead">{t.tagline}</p>
        </section>
        <div class="cards">
            <section class="card">
                <h2>{t.join_heading}</h2>
                <form action="/join" method="get" class="join-form">
                    <label for="join-code">{t.join_code_label}</label>
                    <input id="join-code" name="code" required autocomplete="off" autocapitalize="characters"
                        spellcheck="false" maxlength="12" class="code-input" />
                    <button type="submit">{t.join_button}</button>
                </form>
                {move || join_invalid().then(|| view! { <p class="error" role="alert">{t.join_invalid}</p> })}
            </section>
            <section class="card">
                <h2>{t.create_heading}</h2>
                <p class="hint">{t.create_intro}</p>
                <ActionForm action=create>
                    <label for="title">{t.title_label}</label>
                    <input id="title" name="title" required maxlength="200" />
                    <label for="description">{t.description_label}</label>
                    <textarea id="description" name="description" rows="3" maxlength="2000"></textarea>
                    <button type="submit">{t.create_button}</button>
                </ActionForm>
                <FormError error=Signal::derive(move || create.value().get().and_then(Result::err)) />
            </section>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    demo.await.ok().flatten().map(|code| view! {
                        <section class="card demo">
                            <h2>{t.demo_heading}</h2>
                            <p class="hint">{t.demo_intro}</p>
                            <p class="links">
                                <a href=format!("/w/{code}")>{t.demo_join}</a>
                                <a href=format!("/w/{code}/results")>{t.demo_results}</a>
                            </p>
                        </section>
                    })
                })}
            </Suspense>
        </div>
    }
}
