//! The accessibility statement and the privacy page, and the footer that links them from every
//! page. Rendered by the server only (no island holds them), so their text stays out of the
//! browser's code.

use kvadrant::limits::UNDO_MINUTES;
use kvadrant_api::lang::LANGUAGE_COOKIE;
use kvadrant_api::model::{FACILITATOR_COOKIE, GROUP_KEY_COOKIE, LEADERS_COOKIE};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{Texts, use_texts};
use crate::instance::use_instance;

/// The pages' paths, below `/`, in every language.
pub const ACCESSIBILITY_SEGMENT: &str = "tilgjengelighet";
pub const PRIVACY_SEGMENT: &str = "personvern";

/// One of the texts' messages.
type Message = fn(&Texts) -> &'static str;

/// A heading and its paragraphs.
type Section = (Message, &'static [Message]);

const ACCESSIBILITY_SECTIONS: &[Section] = &[
    (
        Texts::about_accessibility_checked_heading,
        &[Texts::about_accessibility_checked_1, Texts::about_accessibility_checked_2],
    ),
    (Texts::about_accessibility_shortcomings_heading, &[Texts::about_accessibility_shortcomings_1]),
];

const PRIVACY_SECTIONS: &[Section] = &[
    (
        Texts::about_privacy_kept_heading,
        &[Texts::about_privacy_kept_1, Texts::about_privacy_kept_2, Texts::about_privacy_kept_3],
    ),
    (Texts::about_privacy_not_kept_heading, &[Texts::about_privacy_not_kept_1]),
    (Texts::about_privacy_where_heading, &[Texts::about_privacy_where_1]),
    (Texts::about_privacy_responsible_heading, &[Texts::about_privacy_responsible_1]),
];

/// Each cookie, and what it holds and for how long.
const COOKIES: [(&str, Message); 4] = [
    (LANGUAGE_COOKIE, Texts::about_cookie_language),
    (GROUP_KEY_COOKIE, Texts::about_cookie_group_key),
    (FACILITATOR_COOKIE, Texts::about_cookie_facilitator),
    (LEADERS_COOKIE, Texts::about_cookie_leaders),
];

/// The links to both pages, under every page.
#[component]
pub fn Footer() -> impl IntoView {
    let t = use_texts();
    view! {
        <footer class="site-footer">
            <a href=format!("/{ACCESSIBILITY_SEGMENT}")>{t.about_accessibility()}</a>
            <a href=format!("/{PRIVACY_SEGMENT}")>{t.about_privacy()}</a>
        </footer>
    }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=format!("{} – Kvadrant", t.about_accessibility()) />
        <article class="about">
            <h1>{t.about_accessibility()}</h1>
            <p class="lead">{t.about_accessibility_intro()}</p>
            {sections(t, ACCESSIBILITY_SECTIONS)}
            <ContactNote />
        </article>
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let t = use_texts();
    let cookies =
        COOKIES.iter().map(|(name, what)| view! { <li><code>{*name}</code>": "{what(t)}</li> }).collect_view();
    view! {
        <Title text=format!("{} – Kvadrant", t.about_privacy()) />
        <article class="about">
            <h1>{t.about_privacy()}</h1>
            <p class="lead">{t.about_privacy_intro()}</p>
            {sections(t, PRIVACY_SECTIONS)}
            <p>{match use_instance().retention_days {
                0 => t.about_no_retention().to_owned(),
                days => t.about_retention(days),
            }}</p>
            <p>{t.about_undo(UNDO_MINUTES)}</p>
            <h2>{t.about_cookies_heading()}</h2>
            <ul>{cookies}</ul>
            <p>{t.about_local_storage()}</p>
            <ContactNote />
        </article>
    }
}

fn sections(t: &'static Texts, sections: &'static [Section]) -> impl IntoView {
    sections
        .iter()
        .map(|(heading, paragraphs)| {
            let paragraphs = paragraphs.iter().map(|text| view! { <p>{text(t)}</p> }).collect_view();
            view! { <h2>{heading(t)}</h2>{paragraphs} }
        })
        .collect_view()
}

/// Whom to write to: the operator's contact if configured, else whoever invited the reader.
#[component]
fn ContactNote() -> impl IntoView {
    let t = use_texts();
    let contact = use_instance().contact;
    view! {
        <h2>{t.about_contact_heading()}</h2>
        {match contact {
            Some(contact) => {
                let href = if contact.starts_with("https://") || contact.starts_with("http://") {
                    Some(contact.clone())
                } else {
                    contact.contains('@').then(|| format!("mailto:{contact}"))
                };
                let shown = match href {
                    Some(href) => view! { <a href=href>{contact}</a> }.into_any(),
                    None => contact.into_any(),
                };
                view! { <p>{t.about_contact_given()}" "{shown}</p> }.into_any()
            }
            None => view! { <p>{t.about_contact_missing()}</p> }.into_any(),
        }}
    }
}
