//! The accessibility statement and the privacy page, and the footer that links them from every
//! page. Rendered by the server only (no island holds them), so their text stays out of the
//! browser's code.

use kvadrant::lang::Lang;
use kvadrant::limits::UNDO_MINUTES;
use kvadrant_api::lang::LANGUAGE_COOKIE;
use kvadrant_api::model::{FACILITATOR_COOKIE, GROUP_KEY_COOKIE, LEADERS_COOKIE};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_lang;

/// The pages' paths, below `/`, in every language.
pub const ACCESSIBILITY_SEGMENT: &str = "tilgjengelighet";
pub const PRIVACY_SEGMENT: &str = "personvern";

/// How to reach whoever runs this instance (an e-mail address or a web address), as its
/// operator configured it; the server provides it to every page.
#[derive(Debug, Clone, Default)]
pub struct Contact(pub Option<String>);

/// A heading and its paragraphs.
type Section = (&'static str, &'static [&'static str]);

struct About {
    accessibility: &'static str,
    privacy: &'static str,
    accessibility_intro: &'static str,
    accessibility_sections: &'static [Section],
    privacy_intro: &'static str,
    privacy_sections: &'static [Section],
    cookies_heading: &'static str,
    cookies: [(&'static str, &'static str); 4],
    local_storage: &'static str,
    undo: fn(i64) -> String,
    contact_heading: &'static str,
    contact_given: &'static str,
    contact_missing: &'static str,
}

static NB: About = About {
    accessibility: "Tilgjengelighet",
    privacy: "Personvern",
    accessibility_intro: "Kvadrant skal kunne brukes av alle, med tastatur, skjermleser, forstørrelse og på \
        mobil, og har som mål å oppfylle WCAG 2.1 på nivå A og AA, slik forskrift om universell \
        utforming av IKT krever.",
    accessibility_sections: &[
        (
            "Slik blir det kontrollert",
            &[
                "Hver side blir kontrollert automatisk før hver ny versjon: med axe-core mot alle regler i \
                 WCAG 2.0 og 2.1 på nivå A og AA, på bokmål, nynorsk og engelsk, i full bredde og i mobilbredde, og \
                 i tilstandene en workshop går gjennom (poenggivning åpen og stengt, resultatet skjult og \
                 vist, et kommentarskjema åpent, en feil vist). HTML-koden blir kontrollert med Nu HTML \
                 Checker. Kontrast, fokus og rekkefølge er i tillegg gått gjennom for hånd.",
                "Prioriteringsmatrisen er et bilde; det samme innholdet står som tekst i rangeringen under \
                 den, med kvadranten til hvert område. Kategoriene skilles med både farge og form.",
            ],
        ),
        (
            "Kjente mangler",
            &["Storskjermen er laget for en projektor i et møterom; det samme innholdet finnes på \
                 resultatsiden."],
        ),
    ],
    privacy_intro: "Kvadrant trenger ingen personopplysninger: ingen konto, ikke navn, ikke e-postadresse. \
        Det som blir lagret, er det en workshop består av.",
    privacy_sections: &[
        (
            "Hva som blir lagret",
            &[
                "Workshopens tittel og beskrivelse, områdene, kategoriene, gruppenes navn og merker, \
                 poengene gruppene gir, kommentarene og forslagene deres, og en logg over hvem (en gruppe \
                 eller tilretteleggeren) som endret hva og når.",
                "Kommentarer og forslag er fritekst og kan inneholde personopplysninger hvis noen skriver \
                 dem inn. Skriv ikke om enkeltpersoner.",
                "Lenkene som gir tilgang (tilretteleggerens, ledernes og gruppenes) er hemmelige; den som \
                 har en lenke, har tilgangen den gir.",
            ],
        ),
        (
            "Hva som ikke blir lagret",
            &["Ingen sporing, ingen analyseverktøy og ikke noe innhold fra andre nettsteder. \
                 IP-adresser holdes bare i minnet en kort stund for å stanse misbruk, og skrives i \
                 tjenestens logg bare når en adresse blir avvist for for mange forsøk."],
        ),
        (
            "Hvor og hvor lenge",
            &["Alt lagres i databasen til virksomheten som driver denne tjenesten, på dens egne \
                 servere, og blir der til virksomheten sletter det."],
        ),
        (
            "Hvem som har ansvaret",
            &["Virksomheten som driver denne tjenesten, er behandlingsansvarlig. Du kan be den om innsyn, \
                 retting og sletting."],
        ),
    ],
    cookies_heading: "Informasjonskapsler og lagring i nettleseren",
    cookies: [
        (LANGUAGE_COOKIE, "språket du har valgt, i ett år"),
        (GROUP_KEY_COOKIE, "gruppens nøkkel, så arket kan følge endringer; til nettleseren lukkes"),
        (FACILITATOR_COOKIE, "tilretteleggerens nøkkel, for siden som følger workshopen; til nettleseren lukkes"),
        (LEADERS_COOKIE, "ledernes nøkkel, for resultatet de følger; til nettleseren lukkes"),
    ],
    local_storage: "Tilretteleggerlenkene denne nettleseren har åpnet, lagres bare i nettleseren, så \
        forsiden kan vise dem. De sendes ikke til tjenesten.",
    undo: |minutes| {
        format!(
            "Når et område eller en gruppe blir fjernet, slettes poengene og kommentarene til det for godt \
             etter {minutes} minutter; til da kan det angres."
        )
    },
    contact_heading: "Kontakt",
    contact_given: "Tilbakemeldinger om tilgjengelighet og spørsmål om personvern sendes til:",
    contact_missing: "Tilbakemeldinger om tilgjengelighet og spørsmål om personvern sendes til \
        virksomheten som inviterte deg til workshopen. Du kan også klage til Tilsynet for universell \
        utforming av IKT (uutilsynet.no).",
};

static NN: About = About {
    accessibility: "Tilgjengelegheit",
    privacy: "Personvern",
    accessibility_intro: "Kvadrant skal kunne brukast av alle, med tastatur, skjermlesar, forstørring og på \
        mobil, og har som mål å oppfylle WCAG 2.1 på nivå A og AA, slik forskrift om universell \
        utforming av IKT krev.",
    accessibility_sections: &[
        (
            "Slik vert det kontrollert",
            &[
                "Kvar side vert kontrollert automatisk før kvar ny versjon: med axe-core mot alle reglar i \
                 WCAG 2.0 og 2.1 på nivå A og AA, på bokmål, nynorsk og engelsk, i full breidd og i mobilbreidd, og \
                 i tilstandane ein workshop går gjennom (poenggjeving open og stengd, resultatet skjult og \
                 vist, eit kommentarskjema ope, ein feil vist). HTML-koden vert kontrollert med Nu HTML \
                 Checker. Kontrast, fokus og rekkjefølgje er i tillegg gjennomgått for hand.",
                "Prioriteringsmatrisa er eit bilete; det same innhaldet står som tekst i rangeringa under \
                 matrisa, med kvadranten til kvart område. Kategoriane skil seg frå kvarandre på både farge og form.",
            ],
        ),
        (
            "Kjende manglar",
            &["Storskjermen er laga for ein projektor i eit møterom; det same innhaldet finst på \
                 resultatsida."],
        ),
    ],
    privacy_intro: "Kvadrant treng ingen personopplysningar: ingen konto, ikkje namn, ikkje e-postadresse. \
        Det som vert lagra, er det ein workshop består av.",
    privacy_sections: &[
        (
            "Kva som vert lagra",
            &[
                "Tittelen og skildringa til workshopen, områda, kategoriane, namna og merkelappane til gruppene, \
                 poenga gruppene gjev, kommentarane og forslaga deira, og ein logg over kven (ei gruppe \
                 eller tilretteleggjaren) som endra kva og når.",
                "Kommentarar og forslag er fritekst og kan innehalde personopplysningar viss nokon skriv \
                 dei inn. Skriv ikkje om enkeltpersonar.",
                "Tilgangslenkene (til tilretteleggjaren, leiarane og gruppene) er hemmelege; den som \
                 har ei lenke, har tilgangen ho gjev.",
            ],
        ),
        (
            "Kva som ikkje vert lagra",
            &["Inga sporing, ingen analyseverktøy og ikkje noko innhald frå andre nettstader. \
                 IP-adresser vert berre haldne i minnet ei kort stund for å stanse misbruk, og vert skrivne i \
                 loggen til tenesta berre når ei adresse vert avvist for for mange forsøk."],
        ),
        (
            "Kvar og kor lenge",
            &["Alt vert lagra i databasen til verksemda som driv denne tenesta, på eigne \
                 serverar, og vert liggjande der til verksemda slettar det."],
        ),
        (
            "Kven som har ansvaret",
            &["Verksemda som driv denne tenesta, er behandlingsansvarleg. Du kan be verksemda om innsyn, \
                 retting og sletting."],
        ),
    ],
    cookies_heading: "Informasjonskapslar og lagring i nettlesaren",
    cookies: [
        (LANGUAGE_COOKIE, "språket du har valt, i eitt år"),
        (GROUP_KEY_COOKIE, "nøkkelen til gruppa, så arket kan følgje endringar; til nettlesaren vert lukka"),
        (
            FACILITATOR_COOKIE,
            "nøkkelen til tilretteleggjaren, for sida som følgjer workshopen; til nettlesaren vert lukka",
        ),
        (LEADERS_COOKIE, "nøkkelen til leiarane, for resultatet dei følgjer; til nettlesaren vert lukka"),
    ],
    local_storage: "Tilretteleggjarlenkene denne nettlesaren har opna, vert berre lagra i nettlesaren, så \
        framsida kan vise dei. Dei vert ikkje sende til tenesta.",
    undo: |minutes| {
        format!(
            "Når eit område eller ei gruppe vert fjerna, vert poenga og kommentarane til det sletta for godt \
             etter {minutes} minutt; til då kan det angrast."
        )
    },
    contact_heading: "Kontakt",
    contact_given: "Tilbakemeldingar om tilgjengelegheit og spørsmål om personvern sender du til:",
    contact_missing: "Tilbakemeldingar om tilgjengelegheit og spørsmål om personvern sender du til \
        verksemda som inviterte deg til workshopen. Du kan òg klage til Tilsynet for universell \
        utforming av IKT (uutilsynet.no).",
};

static EN: About = About {
    accessibility: "Accessibility",
    privacy: "Privacy",
    accessibility_intro: "Kvadrant is meant for everyone, by keyboard, screen reader, magnification and on \
        phones, and aims to meet WCAG 2.1 at levels A and AA, as the Norwegian regulation on universal \
        design of ICT requires.",
    accessibility_sections: &[
        (
            "How it is checked",
            &[
                "Every page is checked automatically before every release: with axe-core against every \
                 WCAG 2.0 and 2.1 rule at levels A and AA, in bokmål, nynorsk and English, at full width and at \
                 phone width, and in the states a workshop passes through (scoring open and closed, \
                 results hidden and shown, a comment form open, an error shown). Its HTML is checked with \
                 the Nu HTML Checker. Contrast, focus and order were also checked by hand.",
                "The prioritisation matrix is a picture; the ranking below it says the same in text, with \
                 each area's quadrant. Categories differ in both colour and shape.",
            ],
        ),
        (
            "Known shortcomings",
            &["The big screen is made for a projector in a meeting room; the results page has the same \
                 content."],
        ),
    ],
    privacy_intro: "Kvadrant needs no personal data: no account, no name, no e-mail address. What it keeps \
        is what a workshop is made of.",
    privacy_sections: &[
        (
            "What is kept",
            &[
                "The workshop's title and description, its areas, categories, the groups' names and tags, \
                 the scores the groups give, their comments and suggestions, and a log of who (a group or \
                 the facilitator) changed what, and when.",
                "Comments and suggestions are free text and may hold personal data if someone types it in. \
                 Do not write about individuals.",
                "The links that give access (the facilitator's, the leaders' and the groups') are secret: \
                 whoever has a link has the access it gives.",
            ],
        ),
        (
            "What is not kept",
            &["No tracking, no analytics and no content from other sites. IP addresses are held in \
                 memory for a short while only, to stop abuse, and written to the service's log only when \
                 an address is refused for too many attempts."],
        ),
        (
            "Where, and for how long",
            &["Everything is kept in the database of the organisation that runs this service, on its \
                 own servers, until that organisation deletes it."],
        ),
        (
            "Who is responsible",
            &["The organisation that runs this service is the controller. You can ask it for access to, \
                 correction of and deletion of your data."],
        ),
    ],
    cookies_heading: "Cookies and storage in the browser",
    cookies: [
        (LANGUAGE_COOKIE, "the language you chose, for a year"),
        (GROUP_KEY_COOKIE, "the group's key, so that its sheet can follow changes; until the browser closes"),
        (FACILITATOR_COOKIE, "the facilitator's key, for the page that follows the workshop; until the browser closes"),
        (LEADERS_COOKIE, "the leaders' key, for the results they follow; until the browser closes"),
    ],
    local_storage: "The facilitator links this browser has opened are kept in the browser only, so that the \
        home page can list them. They are not sent to the service.",
    undo: |minutes| {
        format!(
            "When an area or a group is removed, its scores and comments are deleted for good after \
             {minutes} minutes; until then it can be undone."
        )
    },
    contact_heading: "Contact",
    contact_given: "Send feedback on accessibility and questions about privacy to:",
    contact_missing: "Send feedback on accessibility and questions about privacy to the organisation that \
        invited you to the workshop. In Norway you can also complain to the Authority for Universal Design \
        of ICT (uutilsynet.no).",
};

fn about(lang: Lang) -> &'static About {
    match lang {
        Lang::Nb => &NB,
        Lang::Nn => &NN,
        Lang::En => &EN,
    }
}

/// The links to both pages, under every page.
#[component]
pub fn Footer() -> impl IntoView {
    let a = about(use_lang());
    view! {
        <footer class="site-footer">
            <a href=format!("/{ACCESSIBILITY_SEGMENT}")>{a.accessibility}</a>
            <a href=format!("/{PRIVACY_SEGMENT}")>{a.privacy}</a>
        </footer>
    }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let a = about(use_lang());
    view! {
        <Title text=format!("{} – Kvadrant", a.accessibility) />
        <article class="about">
            <h1>{a.accessibility}</h1>
            <p class="lead">{a.accessibility_intro}</p>
            {sections(a.accessibility_sections)}
            <ContactNote />
        </article>
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let a = about(use_lang());
    let cookies =
        a.cookies.iter().map(|(name, what)| view! { <li><code>{*name}</code>": "{*what}</li> }).collect_view();
    view! {
        <Title text=format!("{} – Kvadrant", a.privacy) />
        <article class="about">
            <h1>{a.privacy}</h1>
            <p class="lead">{a.privacy_intro}</p>
            {sections(a.privacy_sections)}
            <p>{(a.undo)(UNDO_MINUTES)}</p>
            <h2>{a.cookies_heading}</h2>
            <ul>{cookies}</ul>
            <p>{a.local_storage}</p>
            <ContactNote />
        </article>
    }
}

fn sections(sections: &'static [Section]) -> impl IntoView {
    sections
        .iter()
        .map(|(heading, paragraphs)| {
            let paragraphs = paragraphs.iter().map(|text| view! { <p>{*text}</p> }).collect_view();
            view! { <h2>{*heading}</h2>{paragraphs} }
        })
        .collect_view()
}

/// Whom to write to: the operator's contact if configured, else whoever invited the reader.
#[component]
fn ContactNote() -> impl IntoView {
    let a = about(use_lang());
    let contact = use_context::<Contact>().unwrap_or_default().0;
    view! {
        <h2>{a.contact_heading}</h2>
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
                view! { <p>{a.contact_given}" "{shown}</p> }.into_any()
            }
            None => view! { <p>{a.contact_missing}</p> }.into_any(),
        }}
    }
}
