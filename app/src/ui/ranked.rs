use kvadrant::AxisStats;
use kvadrant::certainty::Agreements;
use leptos::prelude::*;

use crate::i18n::{Texts, use_texts};
use crate::model::Results;
use crate::ui::matrix::colour;

fn spread(t: &Texts, stats: &AxisStats) -> String {
    let sd = stats.sd.map(|sd| t.number(sd, 1)).unwrap_or_else(|| "–".to_owned());
    format!("{sd} ({}–{})", stats.min, stats.max)
}

/// How much the groups agree on the order, in one sentence.
#[component]
pub fn AgreementNote(agreement: Agreements) -> impl IntoView {
    let t = use_texts();
    agreement
        .combined
        .map(|a| view! { <p class="agreement">{(t.agreement)(&t.number(a.w, 2), a.strength, a.groups)}</p> })
}

/// The ranked list, highest combined score first, then the areas not scored yet.
#[component]
pub fn RankedTable(results: Results) -> impl IntoView {
    let t = use_texts();
    let rows = results
        .ranked
        .iter()
        .map(|row| {
            let (fill, _) = colour(row.category_index);
            view! {
                <tr>
                    <td class="num">{row.rank}</td>
                    <th scope="row">{row.area.clone()}</th>
                    <td class="category">
                        <svg class="swatch" viewBox="0 0 12 12" aria-hidden="true">
                            <circle cx=6 cy=6 r=5.5 fill=fill stroke="#333" />
                        </svg>
                        {row.category.clone().unwrap_or_else(|| t.no_category.to_owned())}
                    </td>
                    <td class="num">{t.number(row.potential.mean, 2)}</td>
                    <td class="num">{t.number(row.feasibility.mean, 2)}</td>
                    <td class="num combined">{t.number(row.combined, 1)}</td>
                    <td class="num groups">{row.groups}</td>
                    <td class="num band">
                        {t.band(row)}
                        {t.place_of(row).map(|place| view! { <span class="place">{place}</span> })}
                    </td>
                    <td class="spread">
                        {format!(
                            "{} {} · {} {}",
                            t.potential_short,
                            spread(t, &row.potential),
                            t.feasibility_short,
                            spread(t, &row.feasibility)
                        )}
                        {t.dissent_of(row).map(|words| view! { <span class="dissent">{words}</span> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let unscored = (!results.unscored.is_empty()).then(|| {
        let items = results.unscored.iter().map(|area| view! { <li>{area.name.clone()}</li> }).collect_view();
        view! {
            <section class="unscored">
                <h3>{t.unscored_heading}</h3>
                <p class="hint">{t.unscored_help}</p>
                <ul>{items}</ul>
            </section>
        }
    });
    view! {
        <AgreementNote agreement=results.agreement />
        {if results.ranked.is_empty() {
            view! { <p>{t.nothing_scored}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="ranked">
                        <thead>
                            <tr>
                                <th scope="col">{t.rank}</th>
                                <th scope="col">{t.area}</th>
                                <th scope="col">{t.category}</th>
                                <th scope="col">{t.potential}</th>
                                <th scope="col">{t.feasibility}</th>
                                <th scope="col">{t.combined}</th>
                                <th scope="col" class="groups">{t.groups_scored}</th>
                                <th scope="col" class="band">{t.rank_band}<span class="hint">{t.rank_band_help}</span></th>
                                <th scope="col" class="spread">{t.spread}<span class="hint">{t.spread_help}</span></th>
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
