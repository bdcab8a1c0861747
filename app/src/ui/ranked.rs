use kvadrant::certainty::Agreements;
use kvadrant::{Aggregate, Axis, Scale};
use leptos::prelude::*;

use crate::i18n::{Texts, content_lang, use_texts};
use crate::model::{RankedArea, Results, Workshop};
use crate::ui::matrix::Swatch;

/// One axis's scores as dots on a strip of the scale, the centre (mean or median) as a tick and
/// ± one sd as a band; its title (the tooltip, and what a screen reader reads) gives n, mean,
/// median, sd and the values. Written as markup: a strip per axis and area would otherwise cost
/// the page's code an element type per shape.
fn strip(t: &Texts, row: &RankedArea, axis: Axis, scale: Scale, aggregate: Aggregate) -> String {
    let stats = match axis {
        Axis::Potential => row.potential,
        Axis::Feasibility => row.feasibility,
    };
    let counts = match axis {
        Axis::Potential => &row.certainty.potential_counts,
        Axis::Feasibility => &row.certainty.feasibility_counts,
    };
    // Lowest first, as counted along the scale.
    let values: Vec<u8> =
        scale.values().zip(counts).flat_map(|(value, &times)| std::iter::repeat_n(value, times as usize)).collect();
    let (low, high) = (f64::from(scale.min()), f64::from(scale.max()));
    let x = |value: f64| 4.0 + (value.clamp(low, high) - low) / (high - low) * 92.0;
    let (sd, centre) = (stats.sd.unwrap_or(0.0), stats.centre(aggregate));
    let sd_text = stats.sd.map(|sd| t.number(sd, 1)).unwrap_or_else(|| "–".to_owned());
    let listed = values.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
    let title = t
        .strip_summary(
            t.axis_short(axis),
            t.number(stats.mean, 2),
            t.number(stats.median, 1),
            values.len(),
            &sd_text,
            &listed,
        )
        .replace('&', "&amp;")
        .replace('<', "&lt;");
    let dots: String = values
        .iter()
        .map(|&v| format!(r#"<circle cx="{:.1}" cy="8" r="3" class="score-dot"/>"#, x(f64::from(v))))
        .collect();
    format!(
        r#"<span class="axis" aria-hidden="true">{axis}</span><svg viewBox="0 0 100 16" width="100" height="16" role="img"><title>{title}</title><line x1="4" y1="8" x2="96" y2="8" class="scale-line"/><rect x="{band:.1}" y="3" width="{width:.1}" height="10" class="sd-band"/>{dots}<line x1="{tick:.1}" y1="1" x2="{tick:.1}" y2="15" class="mean-tick"/></svg><span class="sd">{sd_text}</span>"#,
        axis = t.axis_short(axis),
        band = x(centre - sd),
        width = x(centre + sd) - x(centre - sd),
        tick = x(centre),
    )
}

/// Which group gave what, folded away: who pulled an area up or down.
#[component]
fn ByGroup(row: RankedArea, workshop: Workshop) -> impl IntoView {
    let t = use_texts();
    let items = row
        .certainty
        .scores
        .iter()
        .map(|score| {
            let name = workshop.groups.iter().find(|g| g.id == score.group_id).map(|g| g.name.clone());
            view! {
                <li>
                    {name.unwrap_or_default()}": "{t.potential_short()}" "{score.potential}" · "{t.feasibility_short()}" "
                    {score.feasibility}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="by-group">
            <summary>{t.by_group()}</summary>
            <ul>{items}</ul>
        </details>
    }
}

/// How much the groups agree on the order, in one sentence.
#[component]
pub fn AgreementNote(agreement: Agreements) -> impl IntoView {
    let t = use_texts();
    agreement
        .combined
        .map(|a| view! { <p class="agreement">{t.agreement_of(&t.number(a.w, 2), a.strength, a.groups)}</p> })
}

/// The ranked list, highest combined score first, then the areas not scored yet.
#[component]
pub fn RankedTable(results: Results) -> impl IntoView {
    let t = use_texts();
    let scale = results.workshop.settings.scale();
    let aggregate = results.workshop.settings.aggregate;
    let lang = content_lang(results.workshop.settings.language);
    let rows = results
        .ranked
        .iter()
        .map(|row| {
            view! {
                <tr>
                    <td class="num">
                        {row.rank}
                        {row.official_rank.map(|rank| view! { <span class="official">" ("{rank}")"</span> })}
                        {row.earlier.first().map(|first| view! {
                            <span class="earlier">{t.rank_in_round(first.rank, first.round)}</span>
                        })}
                    </td>
                    <th scope="row" lang=lang>{row.area.clone()}</th>
                    <td class="category">
                        <Swatch index=row.category_index />
                        {match row.category.clone() {
                            Some(category) => view! { <span lang=lang>{category}</span> }.into_any(),
                            None => t.no_category().into_any(),
                        }}
                    </td>
                    <td class="num">{t.number(row.potential.centre(aggregate), 2)}</td>
                    <td class="num">{t.number(row.feasibility.centre(aggregate), 2)}</td>
                    <td class="num combined">{t.number(row.combined, 1)}</td>
                    <td class="quadrant">{t.quadrant(row.quadrant)}</td>
                    <td class="num groups">{row.groups}</td>
                    <td class="num band">
                        {t.band(row)}
                        {t.place_of(row).map(|place| view! { <span class="place">{place}</span> })}
                    </td>
                    <td class="spread">
                        <span class="strip" inner_html=strip(t, row, Axis::Potential, scale, aggregate)></span>
                        <span class="strip" inner_html=strip(t, row, Axis::Feasibility, scale, aggregate)></span>
                        {t.dissent_of(row).map(|words| view! { <span class="dissent">{words}</span> })}
                        {(!row.certainty.scores.is_empty())
                            .then(|| view! { <ByGroup row=row.clone() workshop=results.workshop.clone() /> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let unscored = (!results.unscored.is_empty()).then(|| {
        let items = results.unscored.iter().map(|area| view! { <li>{area.name.clone()}</li> }).collect_view();
        view! {
            <section class="unscored">
                <h3>{t.unscored_heading()}</h3>
                <p class="hint">{t.unscored_help()}</p>
                <ul>{items}</ul>
            </section>
        }
    });
    view! {
        <AgreementNote agreement=results.agreement />
        {if results.ranked.is_empty() {
            view! { <p>{t.nothing_scored()}</p> }.into_any()
        } else {
            view! {
                // Focusable, so that a keyboard can scroll a table wider than a phone.
                <div class="table-wrap" tabindex="0" role="region" aria-label=t.ranked_heading()>
                    <table class="ranked">
                        <caption class="visually-hidden">{t.ranked_heading()}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t.rank()}</th>
                                <th scope="col">{t.area()}</th>
                                <th scope="col">{t.category()}</th>
                                <th scope="col">{t.potential()}</th>
                                <th scope="col">{t.feasibility()}</th>
                                <th scope="col">{t.combined()}</th>
                                <th scope="col" class="quadrant">{t.quadrant_heading()}</th>
                                <th scope="col" class="groups">{t.groups_scored()}</th>
                                <th scope="col" class="band">{t.rank_band()}<span class="hint">{t.rank_band_help()}</span></th>
                                <th scope="col" class="spread">{t.spread()}<span class="hint">{t.spread_help()}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {unscored}
    }
    .into_any()
}
