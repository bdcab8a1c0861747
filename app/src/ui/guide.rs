//! How to read the results: what each figure means and how it is computed, on the results
//! page and in print. Rendered by the server only (no island holds it), so its text stays out
//! of the browser's code.

use kvadrant::certainty::{BAND, DISSENT_PERCENT, MIN_GROUPS_FOR_BAND, RESAMPLES, TOP};
use kvadrant::lang::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{Texts, texts, use_lang};

/// A term, and what it means given the texts that format its numbers.
type Entry = (&'static str, fn(&Texts) -> String);

struct Guide {
    heading: &'static str,
    spread_switch: &'static str,
    official: &'static str,
    normalised: &'static str,
    normalised_note: &'static str,
    rounds: &'static str,
    now: &'static str,
    entries: [Entry; 6],
}

fn threshold() -> f64 {
    f64::from(DISSENT_PERCENT) / 100.0
}

/// The default top places, joined by `and`: "3 og 5".
fn top_places(and: &str) -> String {
    let places: Vec<String> = TOP.iter().map(u32::to_string).collect();
    match places.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The largest default top place: the one the guide's examples name.
fn widest_top() -> u32 {
    TOP.iter().copied().max().unwrap_or_default()
}

fn percent(t: &Texts, share: f64) -> String {
    format!("{} %", t.number(share * 100.0, 0))
}

static NB: Guide = Guide {
    heading: "Slik leser du resultatet",
    rounds: "Runder",
    now: "nå",
    spread_switch: "Vis spredningen i matrisen (± 1 sd)",
    official: "Offisiell rangering",
    normalised: "Uten gruppenes eget nivå",
    normalised_note: "Uten gruppenes eget nivå: hver gruppes poeng er regnet fra gruppens eget snitt, så en \
        gruppe som gir alt 9–10 veier som en som bruker hele skalaen. Et hjelpemiddel for å lese den \
        offisielle rangeringen, ikke et resultat i seg selv; plassen der står i parentes. Mulig plass \
        gjelder den offisielle plassen.",
    entries: [
        ("Samlet poeng", |_| {
            "Hvert område får snittet av gruppenes poeng for potensial (P) og for gjennomførbarhet (G), \
             over gruppene som har gitt begge. Samlet poeng er snitt P × snitt G, og plassen følger det."
                .to_owned()
        }),
        ("Spredning", |_| {
            "Hver prikk er én gruppes poeng. Streken er snittet, det lyse feltet snittet ± ett \
             standardavvik (sd). I matrisen viser korset det samme på hver akse. Under «Hver gruppe» \
             står hvem som ga hva."
                .to_owned()
        }),
        ("Uenighet", |t| {
            format!(
                "Et område merkes når standardavviket på en akse er større enn {} av skalaens spenn \
                 (sd / (høyeste − laveste) > {}), med mindre workshopen har valgt en annen grense: da \
                 har gruppene sett svært ulikt på det. I matrisen har det en stiplet ring.",
                percent(t, threshold()),
                t.number(threshold(), 2)
            )
        }),
        ("Mulig plass", |t| {
            format!(
                "Gruppene trekkes på nytt {} ganger, med tilbakelegging, som om andre grupper hadde \
                 kommet; rangeringen regnes ut for hver trekning. Mulig plass er plassene området får i \
                 {} av trekningene. Et smalt spenn er en sikker plass, et bredt en plass som avhenger \
                 av hvilke grupper som var med. «Sikkert blant topp {top}» betyr at hele spennet ligger \
                 innenfor, «usikkert om topp {top}» at det krysser grensen (topp {places} med mindre \
                 workshopen har valgt andre). Med færre enn {} grupper vises \
                 ingen plass. De samme poengene gir alltid det samme spennet.",
                t.number(RESAMPLES as f64, 0),
                percent(t, BAND),
                MIN_GROUPS_FOR_BAND,
                top = widest_top(),
                places = top_places("og"),
            )
        }),
        ("Enighet", |_| {
            "Kendalls W måler hvor like rekkefølger gruppene har gitt områdene, fra 0 (ingen enighet) \
             til 1 (full enighet): svak under 0,3, moderat under 0,6, ellers sterk. Bare grupper som har \
             vurdert alle områdene, teller."
                .to_owned()
        }),
        ("Runder", |_| {
            "Etter å ha diskutert resultatet kan fasilitatoren starte en ny runde, der gruppene gir poeng \
             på nytt og ser sine poeng fra runden før. Hver runde tas vare på slik den var og kan ses \
             under «Runder». Pilene i matrisen går fra der et område sto i runde 1 til der det står nå, \
             og lista viser plassen i runde 1 under plassen nå."
                .to_owned()
        }),
    ],
};

static NN: Guide = Guide {
    heading: "Slik les du resultatet",
    rounds: "Rundar",
    now: "no",
    spread_switch: "Vis spreiinga i matrisa (± 1 sd)",
    official: "Offisiell rangering",
    normalised: "Utan gruppene sitt eige nivå",
    normalised_note: "Utan gruppene sitt eige nivå: poenga til kvar gruppe er rekna frå snittet til gruppa, så ei \
        gruppe som gjev alt 9–10, veg like mykje som ei som brukar heile skalaen. Eit hjelpemiddel for å lese den \
        offisielle rangeringa, ikkje eit resultat i seg sjølv; plassen der står i parentes. Mogleg plass \
        gjeld den offisielle plassen.",
    entries: [
        ("Samla poeng", |_| {
            "Kvart område får snittet av poenga til gruppene for potensial (P) og for gjennomførbarheit (G), \
             over gruppene som har gjeve begge. Samla poeng er snitt P × snitt G, og plassen følgjer det."
                .to_owned()
        }),
        ("Spreiing", |_| {
            "Kvar prikk er poenga til éi gruppe. Streken er snittet, det lyse feltet snittet ± eitt \
             standardavvik (sd). I matrisa viser krossen det same på kvar akse. Under «Kvar gruppe» \
             står kven som gav kva."
                .to_owned()
        }),
        ("Usemje", |t| {
            format!(
                "Eit område vert merkt når standardavviket på ein akse er større enn {} av spennet på skalaen \
                 (sd / (høgaste − lågaste) > {}), med mindre workshopen har valt ei anna grense: då \
                 har gruppene sett svært ulikt på det. I matrisa har det ein stipla ring.",
                percent(t, threshold()),
                t.number(threshold(), 2)
            )
        }),
        ("Mogleg plass", |t| {
            format!(
                "Gruppene vert trekte på nytt {} gonger, med tilbakelegging, som om andre grupper hadde \
                 kome; rangeringa vert rekna ut for kvar trekning. Mogleg plass er plassane området får i \
                 {} av trekningane. Eit smalt spenn er ein sikker plass, eit breitt ein plass som kjem an \
                 på kva for grupper som var med. «Sikkert blant topp {top}» tyder at heile spennet ligg \
                 innanfor, «usikkert om topp {top}» at det kryssar grensa (topp {places} med mindre \
                 workshopen har valt andre). Med færre enn {} grupper vert \
                 ingen plass vist. Dei same poenga gjev alltid det same spennet.",
                t.number(RESAMPLES as f64, 0),
                percent(t, BAND),
                MIN_GROUPS_FOR_BAND,
                top = widest_top(),
                places = top_places("og"),
            )
        }),
        ("Semje", |_| {
            "Kendalls W måler kor like rekkjefølgjer gruppene har gjeve områda, frå 0 (inga semje) \
             til 1 (full semje): svak under 0,3, moderat under 0,6, elles sterk. Berre grupper som har \
             vurdert alle områda, tel."
                .to_owned()
        }),
        ("Rundar", |_| {
            "Etter å ha diskutert resultatet kan tilretteleggjaren starte ein ny runde, der gruppene gjev poeng \
             på nytt og ser poenga sine frå runden før. Kvar runde vert teken vare på slik han var, og kan sjåast \
             under «Rundar». Pilene i matrisa går frå der eit område stod i runde 1 til der det står no, \
             og lista viser plassen i runde 1 under plassen no."
                .to_owned()
        }),
    ],
};

static EN: Guide = Guide {
    heading: "How to read the results",
    rounds: "Rounds",
    now: "now",
    spread_switch: "Show the spread on the matrix (± 1 sd)",
    official: "Official ranking",
    normalised: "Without each group's own level",
    normalised_note: "Without each group's own level: each group's scores are taken from the group's own \
        mean, so a group that gives everything 9–10 weighs like one that uses the whole scale. An aid to \
        reading the official ranking, not a result of its own; the official place is in brackets. The \
        possible place is of the official place.",
    entries: [
        ("Combined score", |_| {
            "Each area gets the mean of the groups' scores for potential (P) and for feasibility (F), \
             over the groups that gave both. The combined score is mean P × mean F, and the rank \
             follows it."
                .to_owned()
        }),
        ("Spread", |_| {
            "Each dot is one group's score. The tick is the mean, the light band the mean ± one \
             standard deviation (sd). On the matrix the cross shows the same on each axis. \
             \"Each group\" shows who gave what."
                .to_owned()
        }),
        ("Dissent", |t| {
            format!(
                "An area is flagged when the standard deviation on an axis is more than {} of the \
                 scale's range (sd / (highest − lowest) > {}), unless the workshop chose another \
                 limit: the groups then saw it very differently. On the matrix it has a dashed ring.",
                percent(t, threshold()),
                t.number(threshold(), 2)
            )
        }),
        ("Possible place", |t| {
            format!(
                "The groups are drawn again {} times, with replacement, as if other groups had come, \
                 and the ranking is worked out for each draw. The possible place is the places the area \
                 takes in {} of the draws. A narrow band is a sure place, a wide one a place that depends \
                 on which groups took part. \"Clearly in the top {top}\" means the whole band is inside it, \
                 \"uncertain for the top {top}\" that it crosses the cut (the top {places} unless the \
                 workshop chose others). With fewer than {} groups no \
                 place is shown. The same scores always give the same band.",
                t.number(RESAMPLES as f64, 0),
                percent(t, BAND),
                MIN_GROUPS_FOR_BAND,
                top = widest_top(),
                places = top_places("and"),
            )
        }),
        ("Agreement", |_| {
            "Kendall's W measures how alike the orders the groups gave the areas are, from 0 (no \
             agreement) to 1 (complete): weak below 0.3, moderate below 0.6, strong from there. Only \
             groups that scored every area count."
                .to_owned()
        }),
        ("Rounds", |_| {
            "After discussing the results the facilitator can start another round, in which the groups \
             score again, seeing their scores of the round before. Each round is kept as it was and can \
             be read under \"Rounds\". The matrix's arrows run from where an area stood in round 1 to \
             where it stands now, and the list gives its place in round 1 under its place now."
                .to_owned()
        }),
    ],
};

fn guide(lang: Lang) -> &'static Guide {
    match lang {
        Lang::Nb => &NB,
        Lang::Nn => &NN,
        Lang::En => &EN,
    }
}

/// How the results are shown: the official ranking or the normalised one (plain links), and
/// whether the matrix shows each area's spread (a plain checkbox that style rules follow, so it
/// keeps its state while the results beside it change live).
#[component]
pub fn ViewOptions() -> impl IntoView {
    let g = guide(use_lang());
    let query = use_query_map();
    let normalised = query.read().get("view").as_deref() == Some("normalised");
    // The round shown stays shown in either view.
    let round: Vec<String> = query
        .read()
        .get("round")
        .map(|round| format!("round={}", leptos_router::location::Url::escape(&round)))
        .into_iter()
        .collect();
    let link = |view: Option<&str>| {
        format!("?{}", view.into_iter().chain(round.iter().map(String::as_str)).collect::<Vec<_>>().join("&"))
    };
    let current = |shown: bool| if shown { "page" } else { "false" };
    view! {
        <nav class="view-options no-print">
            <a href=link(None) aria-current=current(!normalised)>{g.official}</a>
            <a href=link(Some("view=normalised")) aria-current=current(normalised)>{g.normalised}</a>
            <label><input type="checkbox" id="show-spread" checked />" "{g.spread_switch}</label>
        </nav>
        {normalised.then(|| view! { <p class="notice normalised-note">{g.normalised_note}</p> })}
    }
}

/// Links to each round's results once there is more than one: the same page with only the
/// round changed.
#[component]
pub fn RoundPicker(current: u32, shown: u32) -> impl IntoView {
    let lang = use_lang();
    let (g, t) = (guide(lang), texts(lang));
    let kept: Vec<String> = use_query_map()
        .get_untracked()
        .into_iter()
        .filter(|(name, _)| name != "round")
        .map(|(name, value)| format!("{name}={}", leptos_router::location::Url::escape(&value)))
        .collect();
    let link = move |round: u32| {
        let round = (round != current).then(|| format!("round={round}"));
        format!("?{}", kept.iter().map(String::as_str).chain(round.as_deref()).collect::<Vec<_>>().join("&"))
    };
    let items = (1..=current)
        .map(|round| {
            let label = match round == current {
                true => format!("{} ({})", (t.round_of)(round), g.now),
                false => (t.round_of)(round),
            };
            let here = (round == shown).then_some("page");
            view! { <li><a href=link(round) aria-current=here>{label}</a></li> }
        })
        .collect_view();
    (current > 1).then(|| view! { <nav class="rounds no-print" aria-label=g.rounds><ul>{items}</ul></nav> })
}

/// What each figure means and how it is computed.
#[component]
pub fn ReadingGuide() -> impl IntoView {
    let lang = use_lang();
    let (g, t) = (guide(lang), texts(lang));
    let entries = g
        .entries
        .iter()
        .map(|(term, text)| {
            view! {
                <dt>{*term}</dt>
                <dd>{text(t)}</dd>
            }
        })
        .collect_view();
    view! {
        <section class="reading-guide">
            <h2>{g.heading}</h2>
            <dl>{entries}</dl>
        </section>
    }
}
