use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::actions::load_invite;
use crate::hydration::island_hydrated;
use crate::i18n::use_texts;
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
                    Ok(invite) => view! { <Screen invite /> }.into_any(),
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
    view! {
        <Title text=format!("{} – {}", workshop.title, t.big_screen) />
        <div class="big-screen">
            <h1>{workshop.title.clone()}</h1>
            {move || open().then(|| view! {
                <section class="invite">
                    <div class="qr" inner_html=qr_svg.clone()></div>
                    <div>
                        <p>{t.scan_to_join}</p>
                        <p class="join-url">{url.clone()}</p>
                        <p>{t.join_code}</p>
                        <p class="join-code">{code.clone()}</p>
                    </div>
                </section>
            })}
            {move || live.view.with(|view| view.as_ref().map(|view| {
                let (done, groups) = (view.groups_done as usize, view.workshop.groups.len());
                view! { <p class="summary" role="status">{(t.groups_done)(done, groups)}</p> }
            }))}
            {move || match (live.view.with(Option::is_some), results.get()) {
                (_, Some(results)) => view! { <ResultsPanels results top=TOP /> }.into_any(),
                (true, None) => view! { <p class="notice">{t.results_hidden_notice}</p> }.into_any(),
                (false, None) => ().into_any(),
            }}
        </div>
    }
    .into_any()
}
