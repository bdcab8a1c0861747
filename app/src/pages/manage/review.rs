//! Review: the results with the groups' comments (segments on the results page), the leaders'
//! read-only link, every download, new links, and a copy to start the next workshop from.

use leptos::prelude::*;

use super::{Actions, Credentials};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::model::{ReviewLink, results_path, workshop_api_path};
use crate::ui::{Comments, CopyButton, ErrorNote, FormError, Loading, ResultsPanels, last_error};
use crate::{live, private_links};

#[component]
pub fn Review(
    keys: Credentials,
    actions: Actions,
    link: Resource<Result<ReviewLink, AppError>>,
    deleted_on: Option<String>,
) -> impl IntoView {
    let t = use_texts();
    let code = keys.code.get_value();
    let live = live::follow(format!("{}/live/private", workshop_api_path(&code)));
    let results = live.results();
    view! {
        <section class="card dashboard" aria-labelledby="results-heading">
            <h2 id="results-heading">{t.results_heading()}</h2>
            <p><a href=results_path(&code)>{t.see_results()}</a></p>
            {move || results.get().map(|results| view! {
                <ResultsPanels results=results.clone() />
                <Comments results />
            })}
        </section>
        <Leaders keys actions link />
        <Downloads code />
        <Delete keys actions deleted_on />
    }
}

/// Deleting the workshop for good, and when the server will if no one does.
#[component]
fn Delete(keys: Credentials, actions: Actions, deleted_on: Option<String>) -> impl IntoView {
    let t = use_texts();
    // Gone for good: the home page no longer offers it among this browser's workshops.
    Effect::new(move || {
        if let Some(Ok(())) = actions.delete.value().get() {
            private_links::forget(&keys.code.get_value());
        }
    });
    view! {
        <section class="card delete" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{t.delete_heading()}</h2>
            {deleted_on.map(|day| view! { <p>{t.deleted_on(t.iso_day(&day))}</p> })}
            <p class="hint">{t.delete_help()}</p>
            <ActionForm action=actions.delete>
                {keys.fields()}
                <p>
                    <label>
                        <input type="checkbox" name="confirm" value="yes" required />
                        " "{t.delete_confirm()}
                    </label>
                </p>
                <button type="submit" class="danger">{t.delete_button()}</button>
            </ActionForm>
            <FormError error=last_error(actions.delete.value()) />
        </section>
    }
}

/// The leaders' read-only link, new links, and a copy of the workshop to start the next one from.
#[component]
fn Leaders(keys: Credentials, actions: Actions, link: Resource<Result<ReviewLink, AppError>>) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="card leaders">
            <h2>{t.review_heading()}</h2>
            <p class="hint">{t.review_help()}</p>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match link.await {
                        Ok(link) => view! {
                            <p>
                                <a class="review-link" href=link.path.clone()>{link.path.clone()}</a>
                                " "<CopyButton text=link.path.clone() label=format!("{}: {}", t.copy(), t.review_heading()) absolute=true />
                            </p>
                        }.into_any(),
                        Err(error) => view! { <ErrorNote error /> }.into_any(),
                    }
                })}
            </Transition>
            <ActionForm action=actions.renew_review>
                {keys.fields()}
                <button type="submit">{t.renew_review()}</button>
            </ActionForm>
            <FormError error=last_error(actions.renew_review.value()) />
            <p class="hint">{t.renew_facilitator_help()}</p>
            <ActionForm action=actions.renew_secret>
                {keys.fields()}
                <button type="submit">{t.renew_facilitator_link()}</button>
            </ActionForm>
            <FormError error=last_error(actions.renew_secret.value()) />
            <p class="hint">{t.renew_code_help()}</p>
            <ActionForm action=actions.renew_code>
                {keys.fields()}
                <button type="submit">{t.renew_code()}</button>
            </ActionForm>
            <FormError error=last_error(actions.renew_code.value()) />
            <h2>{t.duplicate_heading()}</h2>
            <p class="hint">{t.duplicate_help()}</p>
            <ActionForm action=actions.duplicate>
                {keys.fields()}
                <button type="submit">{t.duplicate_button()}</button>
            </ActionForm>
            <FormError error=last_error(actions.duplicate.value()) />
        </section>
    }
}

/// Every download; the facilitator's secret reaches them in the cookie the page set, never
/// in the address.
#[component]
fn Downloads(code: String) -> impl IntoView {
    let t = use_texts();
    let base = workshop_api_path(&code);
    let link = move |path: &str| format!("{base}{path}");
    view! {
        <section class="card downloads">
            <h2>{t.exports_heading()}</h2>
            <ul>
                <li><a href=link("/results.xlsx") rel="external" download="">{t.download_xlsx()}</a></li>
                <li><a href=link("/results.csv?dialect=excel-no") rel="external" download="">{t.download_csv_excel()}</a></li>
                <li><a href=link("/results.csv") rel="external" download="">{t.download_csv()}</a></li>
                <li><a href=link("/matrix.png") rel="external" download="">{t.download_png()}</a></li>
                <li><a href=link("/matrix.svg") rel="external" download="">{t.download_svg()}</a></li>
                <li><a href=link("/results") rel="external">{t.download_json()}</a></li>
                <li><a href=link("/setup") rel="external" download="">{t.download_setup()}</a></li>
            </ul>
        </section>
    }
}
