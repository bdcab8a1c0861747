use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::live::clock;
use crate::model::LiveState;

/// Each group's progress, for the facilitator.
#[component]
pub fn ProgressTable(view: LiveState) -> impl IntoView {
    let t = use_texts();
    let total = view.workshop.areas.len();
    let rows = view
        .progress
        .iter()
        .map(|progress| {
            let name = view.workshop.group(progress.group_id).map(|group| group.name.clone()).unwrap_or_default();
            let complete = total > 0 && progress.scored as usize >= total;
            view! {
                <tr class:complete=complete>
                    <th scope="row">{name}</th>
                    <td class="num">
                        <meter min="0" max=total value=progress.scored></meter>
                        {format!(" {} / {total}", progress.scored)}
                    </td>
                    <td class="num">{progress.last_activity.as_deref().map(clock).unwrap_or_else(|| "–".to_owned())}</td>
                </tr>
            }
        })
        .collect_view();
    let (done, groups) = (view.groups_done as usize, view.workshop.groups.len());
    view! {
        <h3>{t.progress_heading()}</h3>
        <p class="summary">{t.groups_done(done, groups)}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label=t.progress_heading()>
        <table class="progress-table">
            <thead>
                <tr>
                    <th scope="col">{t.group()}</th>
                    <th scope="col">{t.areas_done()}</th>
                    <th scope="col">{t.last_activity()}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
    .into_any()
}
