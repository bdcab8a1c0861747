use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::actions::load_invite;
use crate::hydration::island_hydrated;
use crate::i18n::{content_lang, use_texts};
use crate::live;
use crate::model::{Invite, QrLink};
use crate::ui::{ErrorNote, Loading, ResultsPanels};

/// How many of the ranking a projector shows: enough to talk about, large enough to read.
const TOP: usize = 5;

/// For a projector: large type, no controls. While scoring is open it invites people in
/// with the join code and a QR code of the link; results appear once revealed.
#[component]
pub fn ScreenPage() -> impl IntoView {
    let invite = Resource::new(param("code"), load_invite);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match invite.await {
                    Err(error) => view! { <ErrorNote error /> }.into_any(),
                    Ok(invite) => {
                        // The tab's title is the page's, not the island's: it stays as the page came.
                        let title = format!("{} – {}", invite.workshop.title, use_texts().big_screen());
                        view! { <Title text=title /> <Screen invite /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[island(lazy)]
fn Screen(invite: Invite) -> impl IntoView {
    island_hydrated();
    let t = use_texts();
    let Invite { workshop, link } = invite;
    let QrLink { url, qr_svg } = link;
    let live = live::follow(format!("/api/v1/workshops/{}/live", workshop.code));
    let results = live.results();
    let initially_open = workshop.scoring_open;
    let open = move || live.view.with(|view| view.as_ref().map_or(initially_open, |view| view.workshop.scoring_open));
    let code = workshop.code.clone();
    let description = workshop.description.clone();
    fullscreen_on_key();
    view! {
        <div class="big-screen" data-open=move || open().to_string() data-results=move || results.with(Option::is_some).to_string()>
            <header class="screen-head">
                <h1 lang=content_lang(workshop.settings.language)>{workshop.title.clone()}</h1>
                {move || live.view.with(|view| view.as_ref().map(|view| {
                    let (done, groups) = (view.groups_done as usize, view.workshop.groups.len());
                    view! { <p class="summary" role="status">{t.groups_done(done, groups)}</p> }
                }))}
                {move || (!open()).then(|| view! { <p class="closed-note" role="status">{t.scoring_is_closed()}</p> })}
                <p class="hint needs-script">{t.fullscreen_hint()}</p>
            </header>
            <div class="stage">
                {move || open().then(|| view! {
                    <section class="invite">
                        <div class="qr" role="img" aria-label=t.scan_to_join() inner_html=qr_svg.clone()></div>
                        <div class="way-in">
                            <p>{t.scan_to_join()}</p>
                            <p class="join-url">{url.clone()}</p>
                            <p>{t.join_code()}</p>
                            <p class="join-code">{code.clone()}</p>
                            {(!description.is_empty()).then(|| view! { <p class="description">{description.clone()}</p> })}
                        </div>
                    </section>
                })}
                {move || match (live.view.with(Option::is_some), results.get()) {
                    (_, Some(results)) => view! { <ResultsPanels results top=TOP /> }.into_any(),
                    (true, None) => view! { <p class="notice">{t.results_hidden_notice()}</p> }.into_any(),
                    (false, None) => ().into_any(),
                }}
            </div>
        </div>
    }
    .into_any()
}

/// F puts the screen in full screen and takes it out again, as a presenter expects.
fn fullscreen_on_key() {
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener(leptos::ev::keydown, |event| {
            if event.key() != "f" && event.key() != "F" || event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let document = document();
            if document.fullscreen_element().is_some() {
                document.exit_fullscreen();
            } else if let Some(root) = document.document_element() {
                let _ = root.request_fullscreen();
            }
        });
        on_cleanup(move || handle.remove());
    }
}
