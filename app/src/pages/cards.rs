//! Group cards to print, one per group, for workshops where groups are set up in advance.

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::actions::load_group_cards;
use crate::i18n::use_texts;
use crate::ui::{ErrorNote, Loading, PrintButton};

#[component]
pub fn GroupCardsPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        // Every group's key is on the page, and the facilitator's secret in its address.
        response.insert_header(http::header::CACHE_CONTROL, http::HeaderValue::from_static("no-store"));
    }
    let t = use_texts();
    let (code, secret) = (param("code"), param("secret"));
    let title = format!("{} – {}", t.group_cards_heading(), code());
    let cards = Resource::new(move || (code(), secret()), |(code, secret)| load_group_cards(code, secret));
    view! {
        <Title text=title />
        <h1 class="no-print">{t.group_cards_heading()}</h1>
        <p class="no-print"><PrintButton /></p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match cards.await {
                    Err(error) => view! { <ErrorNote error /> }.into_any(),
                    Ok(cards) => {
                        let cards = cards
                            .into_iter()
                            .map(|card| view! {
                                <li class="group-card">
                                    <h2>{card.name}</h2>
                                    <div class="qr" inner_html=card.link.qr_svg></div>
                                    <p>{t.group_card_scan()}</p>
                                    <p class="group-url">{card.link.url}</p>
                                </li>
                            })
                            .collect_view();
                        view! { <ul class="group-cards">{cards}</ul> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
