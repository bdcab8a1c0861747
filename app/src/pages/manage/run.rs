//! Run: opening and closing scoring, hiding and revealing results, the way in for the groups
//! (link, code and QR code, the big screen), who has joined, their progress and proposals.

use leptos::prelude::*;

use super::group_links::GroupLinks;
use super::suggestions::Suggestions;
use super::{Actions, Credentials, Loaded};
use crate::i18n::use_texts;
use crate::live;
use crate::model::{Workshop, screen_path, workshop_api_path};
use crate::ui::{CopyButton, ErrorNote, FormError, Loading, ProgressTable, ResultsPanels, last_error};

#[component]
pub fn Run(workshop: Workshop, keys: Credentials, actions: Actions, loaded: Loaded) -> impl IntoView {
    let t = use_texts();
    let (open, hidden) = (workshop.scoring_open, workshop.results_hidden);
    let code = workshop.code.clone();
    view! {
        <section class="card run-controls">
            <p class="status" role="status">{if open { t.scoring_is_open() } else { t.scoring_is_closed() }}</p>
            <ActionForm action=actions.scoring>
                {keys.fields()}
                <input type="hidden" name="open" value=(!open).to_string() />
                <button type="submit" id="scoring-switch">{if open { t.close_scoring() } else { t.open_scoring() }}</button>
            </ActionForm>
            <FormError error=last_error(actions.scoring.value()) />
            <p class="status">{if hidden { t.results_are_hidden() } else { t.results_are_visible() }}</p>
            <ActionForm action=actions.visibility>
                {keys.fields()}
                <input type="hidden" name="hidden" value=(!hidden).to_string() />
                <button type="submit" id="results-switch">{if hidden { t.reveal_results() } else { t.hide_results() }}</button>
            </ActionForm>
            <FormError error=last_error(actions.visibility.value()) />
            <p class="status">{t.round_of(workshop.round)}</p>
            // Two steps, also without scripts: the round's scores are kept for good.
            <details class="next-round">
                <summary>{t.start_round(workshop.round + 1)}</summary>
                <p class="hint">{t.start_round_help()}</p>
                <ActionForm action=actions.round>
                    {keys.fields()}
                    <button type="submit">{t.start_round(workshop.round + 1)}</button>
                </ActionForm>
            </details>
            <FormError error=last_error(actions.round.value()) />
        </section>

        <section class="card join-info" aria-labelledby="join-heading">
            <h2 id="join-heading">{t.join_link()}</h2>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match loaded.invite.await {
                        Err(error) => view! { <ErrorNote error /> }.into_any(),
                        Ok(invite) => {
                            let url = invite.link.url.clone();
                            view! {
                                <div class="invite">
                                    <div class="qr" role="img" aria-label=t.scan_to_join() inner_html=invite.link.qr_svg.clone()></div>
                                    <div>
                                        <p>
                                            <a class="join-url" href=url.clone()>{url.clone()}</a>
                                            " "<CopyButton text=url.clone() label=format!("{}: {}", t.copy(), t.join_link()) />
                                        </p>
                                        <p>{t.join_code()}": "<strong class="join-code">{invite.workshop.code.clone()}</strong></p>
                                    </div>
                                </div>
                            }
                            .into_any()
                        }
                    }
                })}
            </Transition>
            <p><a class="button" href=screen_path(&code) target="_blank">{t.open_big_screen()}</a></p>
        </section>

        <Dashboard code=code.clone() keys actions />
        <GroupLinks workshop keys actions links=loaded.links />
    }
}

/// The workshop as it happens: each group's progress, the matrix and the ranked list, hidden
/// results included, and the groups' proposals.
#[component]
pub(super) fn Dashboard(code: String, keys: Credentials, actions: Actions) -> impl IntoView {
    let t = use_texts();
    let live = live::follow(format!("{}/live/private", workshop_api_path(&code)));
    let results = live.results();
    // Its own memo, so a half-made choice is not redrawn away by every score that arrives.
    let suggestions = Memo::new(move |_| {
        live.view.with(|view| view.as_ref().map(|view| (view.suggestions.clone(), view.workshop.categories.clone())))
    });
    view! {
        {move || suggestions.get().map(|(suggestions, categories)| view! {
            <Suggestions suggestions categories keys actions />
        })}
        <section class="card dashboard" aria-labelledby="live-heading">
            <h2 id="live-heading">{t.live_heading()}</h2>
            {move || match live.view.get() {
                None => view! { <p class="hint">{t.connecting()}</p> }.into_any(),
                Some(view) => view! {
                    <ProgressTable view />
                    {results.get().map(|results| view! { <ResultsPanels results /> })}
                }
                .into_any(),
            }}
        </section>
    }
}
