mod comment;
mod suggest;

use std::sync::{Arc, Mutex};

use kvadrant::{AreaId, Axis, Entity, Error, GroupId};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos::task::spawn_local;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use super::param;
use crate::actions::{SaveAreaScores, load_group_invite, load_sheet, save_score};
use crate::error::AppError;
use crate::hydration::island_hydrated;
use crate::i18n::{Lang, content_lang, other_lang, use_texts};
use crate::live;
use crate::model::{AreaComment, QrLink, Sheet, results_path, sheet_live_path};
use crate::ui::{DemoBadge, ErrorNote, Loading};
use comment::CommentForm;
use suggest::SuggestForm;

/// A group's score sheet, shared by everyone in the group. Its address is the group's link:
/// the key in it opens this sheet and nothing else.
#[component]
pub fn SheetPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        // The address holds the group's key: keep the page out of shared caches.
        response.insert_header(http::header::CACHE_CONTROL, http::HeaderValue::from_static("no-store"));
    }
    let (code, group, key) = (param("code"), param("group"), param("key"));
    // The area a save without scripts came back from.
    let query = leptos_router::hooks::use_query_map();
    let saved = move || query.read().get("saved").and_then(|area| area.parse().ok()).map(AreaId);
    let sheet = Resource::new(
        {
            let key = key.clone();
            move || (code(), group(), key())
        },
        |(code, group, key)| async move {
            let group = group.parse().map_err(|_| AppError::Domain(Error::not_found(Entity::Group)))?;
            let sheet = load_sheet(code.clone(), group, key.clone()).await?;
            let invite = load_group_invite(code, group, key).await?;
            Ok::<_, AppError>((sheet, invite))
        },
    );
    view! {
        <Suspense fallback=Loading>
            {move || {
                let key = key();
                Suspend::new(async move {
                    match sheet.await {
                        Err(error) => view! { <ErrorNote error /> }.into_any(),
                        Ok((sheet, invite)) => {
                            let workshop = &sheet.workshop;
                            let results = results_path(&workshop.code);
                            view! {
                                <Title text=format!("{} – {}", sheet.group.name, workshop.title) />
                                <DemoBadge demo=workshop.demo />
                                <p class="crumbs"><a href=format!("/w/{}", workshop.code)>{use_texts().back_to_groups()}</a></p>
                                <h1 lang=content_lang(workshop.settings.language)>{sheet.group.name.clone()}<span class="subtitle">{workshop.title.clone()}</span></h1>
                                <SheetForm rows=SheetRows::of(&sheet, saved()) key />
                                <GroupInvite link=invite />
                                <p><a href=results>{use_texts().see_results()}</a></p>
                            }
                            .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// What the sheet's island draws and saves: the group's rows, without the rest of the
/// workshop, so that the participant's browser decodes no more than the form shows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SheetRows {
    code: String,
    group: i64,
    scoring_open: bool,
    round: u32,
    /// The lowest and highest score.
    scale: (u8, u8),
    sections: Vec<SheetSection>,
    /// The area a save without scripts came back from, which says it was saved.
    saved: Option<AreaId>,
    /// The `lang` of the areas' names, where it is not the page's.
    lang: Option<Lang>,
}

/// A category's areas; `heading` is `None` for the areas without one.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SheetSection {
    heading: Option<String>,
    rows: Vec<SheetRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SheetRow {
    area: AreaId,
    name: String,
    description: String,
    potential: Option<u8>,
    feasibility: Option<u8>,
    /// The group's scores in the round before, as the sheet says them.
    previous: Option<String>,
    comment: Option<AreaComment>,
}

impl SheetRows {
    fn of(sheet: &Sheet, saved: Option<AreaId>) -> SheetRows {
        let t = use_texts();
        let workshop = &sheet.workshop;
        let previous = |area: AreaId| {
            let (potential, feasibility) =
                (sheet.previous(area, Axis::Potential), sheet.previous(area, Axis::Feasibility));
            let shown = |value: Option<u8>| value.map_or_else(|| "–".to_owned(), |value| value.to_string());
            (potential.is_some() || feasibility.is_some()).then(|| {
                let (p, g) = (t.potential_short(), t.feasibility_short());
                format!("{}: {p} {} · {g} {}", t.previous_scores(), shown(potential), shown(feasibility))
            })
        };
        let sections = workshop
            .areas_by_category()
            .into_iter()
            .map(|(category, areas)| SheetSection {
                heading: category.map(|c| c.name.clone()),
                rows: areas
                    .into_iter()
                    .map(|area| SheetRow {
                        area: area.id,
                        name: area.name.clone(),
                        description: area.description.clone(),
                        potential: sheet.value(area.id, Axis::Potential),
                        feasibility: sheet.value(area.id, Axis::Feasibility),
                        previous: previous(area.id),
                        comment: sheet.comments.iter().find(|c| c.area_id == area.id).cloned(),
                    })
                    .collect(),
            })
            .collect();
        SheetRows {
            code: workshop.code.clone(),
            group: sheet.group.id.0,
            scoring_open: workshop.scoring_open,
            round: workshop.round,
            scale: (workshop.settings.scale_min, workshop.settings.scale_max),
            sections,
            saved,
            lang: other_lang(workshop.settings.language),
        }
    }

    fn rows(&self) -> impl Iterator<Item = &SheetRow> {
        self.sections.iter().flat_map(|section| &section.rows)
    }
}

/// One area's two cells: their values and their save queues.
#[derive(Clone)]
struct CellSignals {
    area: AreaId,
    potential: Cell,
    feasibility: Cell,
}

#[derive(Clone)]
struct Cell {
    value: RwSignal<Option<u8>>,
    queue: Arc<Mutex<SaveQueue>>,
}

impl Cell {
    fn new(value: Option<u8>) -> Cell {
        Cell { value: RwSignal::new(value), queue: Arc::default() }
    }

    /// Takes the value another member saved, unless this browser has a save of its own on
    /// the way or acknowledged at a later version: a cell never flicks back to an older value.
    fn follow(&self, value: Option<u8>, version: i64) {
        let settled = {
            let queue = self.queue.lock().expect("the save queue is never poisoned");
            !queue.sending && version >= queue.acknowledged
        };
        if settled && self.value.get_untracked() != value {
            self.value.set(value);
        }
    }
}

/// The scores, comments and suggestions: what the group changes, saved as it goes.
#[island]
fn SheetForm(rows: SheetRows, key: String) -> impl IntoView {
    island_hydrated();
    let t = use_texts();
    let cells: Vec<CellSignals> = rows
        .rows()
        .map(|row| CellSignals {
            area: row.area,
            potential: Cell::new(row.potential),
            feasibility: Cell::new(row.feasibility),
        })
        .collect();
    let total = cells.len();
    let counted = cells.clone();
    let done = move || {
        counted.iter().filter(|c| c.potential.value.get().is_some() && c.feasibility.value.get().is_some()).count()
    };
    let cell = |area: AreaId, axis: Axis| {
        let cells = cells.iter().find(|c| c.area == area).expect("every area has its cells");
        match axis {
            Axis::Potential => cells.potential.clone(),
            Axis::Feasibility => cells.feasibility.clone(),
        }
    };
    let open = RwSignal::new(rows.scoring_open);
    let context = SheetContext {
        code: StoredValue::new(rows.code.clone()),
        group: rows.group,
        key: StoredValue::new(key),
        open,
        scale: rows.scale,
    };

    let live = live::follow_sheet(sheet_live_path(&rows.code, GroupId(rows.group)));
    let list: Vec<AreaId> = rows.rows().map(|row| row.area).collect();
    let round = rows.round;
    // Why the page should be loaded again, if it should: the list or the round changed.
    let reload = RwSignal::new(None::<&'static str>);
    Effect::new(move || {
        live.outline.with(|outline| {
            if let Some(workshop) = outline.as_ref().and_then(|outline| outline.workshop.as_ref()) {
                // Only real changes notify: the forms below must not be redrawn by every score.
                let why = if workshop.round != round {
                    Some(t.new_round_notice())
                } else if !same_areas(&list, workshop.areas.iter().map(|area| area.id)) {
                    Some(t.list_changed())
                } else {
                    None
                };
                open.maybe_update(|open| std::mem::replace(open, workshop.scoring_open) != *open);
                reload.maybe_update(|shown| std::mem::replace(shown, why) != *shown);
            }
        });
    });
    let following = cells.clone();
    Effect::new(move || {
        live.sheet.with(|sheet| {
            let Some(sheet) = sheet else { return };
            let value = |area: AreaId, axis: Axis| {
                sheet.scores.iter().find(|s| s.area_id == area && s.axis == axis).map(|s| s.value)
            };
            for cells in &following {
                cells.potential.follow(value(cells.area, Axis::Potential), sheet.version);
                cells.feasibility.follow(value(cells.area, Axis::Feasibility), sheet.version);
            }
        });
    });

    let SheetRows { scoring_open, sections, saved, lang, .. } = rows;
    let lang = lang.map(Lang::code);
    let sections = sections
        .into_iter()
        .map(|section| {
            let heading_lang = section.heading.is_some().then_some(lang).flatten();
            let heading = section.heading.unwrap_or_else(|| t.no_category().to_owned());
            let rows = section
                .rows
                .into_iter()
                .map(|row| {
                    let name_id = format!("area-{}", row.area);
                    view! {
                        <li>
                            // Until the page is interactive, each area is a plain form with its own save button.
                            <form class="area-row" method="post" action=SaveAreaScores::PATH>
                                {context.hidden_fields()}
                                <input type="hidden" name="area" value=row.area.0 />
                                <div class="area-text">
                                    <span class="area-name" id=name_id.clone() lang=lang>{row.name.clone()}</span>
                                    {(!row.description.is_empty()).then(|| view! { <span class="hint" lang=lang>{row.description}</span> })}
                                    {row.previous.map(|previous| view! { <span class="hint previous">{previous}</span> })}
                                </div>
                                {Axis::ALL.map(|axis| view! {
                                    <ScoreCell context area=row.area name_id=name_id.clone() axis cell=cell(row.area, axis) />
                                })}
                                {scoring_open.then(|| view! {
                                    <button type="submit" class="save-row">{t.save()}</button>
                                })}
                                {(saved == Some(row.area)).then(|| view! {
                                    <p class="no-script saved-note" role="status">{t.saved()}</p>
                                })}
                            </form>
                            <CommentForm context area=row.area area_name=row.name comment=row.comment live=live.sheet />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="category">
                    <h2 lang=heading_lang>{heading}</h2>
                    <ul class="area-list">{rows}</ul>
                </section>
            }
        })
        .collect_view();

    view! {
        <div role="status">
            {move || if open.get() {
                view! {
                    <p class="hint needs-script">{t.sheet_intro()}</p>
                    <p class="hint no-script">{t.sheet_intro_plain()}</p>
                }.into_any()
            } else {
                view! { <p class="notice closed">{t.scoring_closed_notice()}</p> }.into_any()
            }}
            {move || reload.get().map(|why| view! {
                <p class="notice">{why}" "<a href="" rel="external">{t.reload()}</a></p>
            })}
        </div>
        <p class="progress" aria-live="polite">{move || t.scored_count(done(), total)}</p>
        <div class="sheet">{sections}</div>
        {move || open.get().then(|| view! {
            <SuggestForm context />
        })}
    }
    .into_any()
}

/// Whether the workshop still has the areas the sheet shows. The sheet groups them by category,
/// the workshop lists them in its own order: only which areas there are counts.
fn same_areas(shown: &[AreaId], now: impl Iterator<Item = AreaId>) -> bool {
    let mut now: Vec<AreaId> = now.collect();
    let mut shown = shown.to_vec();
    now.sort_unstable_by_key(|area| area.0);
    shown.sort_unstable_by_key(|area| area.0);
    now == shown
}

#[cfg(test)]
mod tests {
    use kvadrant::AreaId;

    use super::same_areas;

    #[test]
    fn a_sheet_grouped_by_category_still_shows_the_workshops_areas() {
        let shown = [AreaId(3), AreaId(1), AreaId(2)];
        assert!(same_areas(&shown, [1, 2, 3].map(AreaId).into_iter()));
        assert!(!same_areas(&shown, [1, 2].map(AreaId).into_iter()), "one removed");
        assert!(!same_areas(&shown, [1, 2, 3, 4].map(AreaId).into_iter()), "one added");
    }
}

/// What every form on the sheet sends and checks: whose sheet it is, and whether scoring is open.
#[derive(Clone, Copy)]
struct SheetContext {
    code: StoredValue<String>,
    group: i64,
    /// What opened the sheet: the group's key, or the facilitator's secret.
    key: StoredValue<String>,
    open: RwSignal<bool>,
    scale: (u8, u8),
}

impl SheetContext {
    /// The sheet's identity as a form's hidden fields, for the post made before the page is
    /// interactive.
    fn hidden_fields(self) -> impl IntoView {
        view! {
            <input type="hidden" name="code" value=self.code.get_value() />
            <input type="hidden" name="group" value=self.group />
            <input type="hidden" name="key" value=self.key.get_value() />
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveState {
    Idle,
    Saving,
    Saved,
    Failed,
}

impl SaveState {
    /// The state as the cell's `data-state` names it, for styles and tests.
    fn as_str(self) -> &'static str {
        match self {
            SaveState::Idle => "idle",
            SaveState::Saving => "saving",
            SaveState::Saved => "saved",
            SaveState::Failed => "failed",
        }
    }
}

/// Saves of one cell go out one at a time; a change made while one is on its way waits, and
/// only the newest waiting value is sent next, so the last choice always wins. The queue is
/// not owned by the page, so a save still goes out if the participant navigates away.
#[derive(Default)]
struct SaveQueue {
    sending: bool,
    next: Option<Option<u8>>,
    /// The workshop version of this cell's newest acknowledged save.
    acknowledged: i64,
}

/// One score: a native select, saved on change.
#[component]
fn ScoreCell(context: SheetContext, area: AreaId, name_id: String, axis: Axis, cell: Cell) -> impl IntoView {
    let t = use_texts();
    let state = RwSignal::new(SaveState::Idle);
    let Cell { value, queue } = cell;
    let code = context.code.get_value();
    let save = move |target: Option<u8>| {
        {
            let mut queue = queue.lock().expect("the save queue is never poisoned");
            if queue.sending {
                queue.next = Some(target);
                return;
            }
            queue.sending = true;
        }
        state.try_set(SaveState::Saving);
        let (queue, code) = (queue.clone(), code.clone());
        spawn_local(async move {
            let mut target = target;
            loop {
                let key = context.key.get_value();
                let result = save_score(code.clone(), context.group, key, area.0, axis, target.map(i64::from)).await;
                let newer = {
                    let mut queue = queue.lock().expect("the save queue is never poisoned");
                    if let Ok(saved) = &result {
                        queue.acknowledged = queue.acknowledged.max(saved.version);
                    }
                    let newer = queue.next.take();
                    queue.sending = newer.is_some();
                    newer
                };
                match newer {
                    Some(newer) => target = newer,
                    None => {
                        state.try_set(if result.is_ok() { SaveState::Saved } else { SaveState::Failed });
                        break;
                    }
                }
            }
        });
    };
    let retry = save.clone();

    let id = format!("{}-{}", name_id, axis.as_str());
    let label_id = format!("{id}-label");
    let status_id = format!("{id}-status");
    let label = match axis {
        Axis::Potential => t.potential(),
        Axis::Feasibility => t.feasibility(),
    };
    let (min, max) = context.scale;
    let options = (min..=max)
        .map(|n| view! { <option value=n.to_string() selected=move || value.get() == Some(n)>{n}</option> })
        .collect_view();
    let shown = move || value.get().map_or_else(|| t.not_set().to_owned(), |n| n.to_string());
    view! {
        <div class="score-cell">
            <label for=id.clone() id=label_id.clone()>{label}</label>
            // Closed, a score is text at full contrast, not a greyed-out control.
            <output class="score-value" for=id.clone() aria-labelledby=format!("{label_id} {name_id}") hidden=move || context.open.get()>{shown}</output>
            <select
                hidden=move || !context.open.get()
                id=id
                name=axis.as_str()
                aria-labelledby=format!("{label_id} {name_id}")
                aria-describedby=status_id.clone()
                disabled=move || !context.open.get()
                on:change=move |event| {
                    let chosen = event_target_value(&event).parse::<u8>().ok();
                    value.set(chosen);
                    save(chosen);
                }
            >
                <option value="" selected=move || value.get().is_none()>{t.not_set()}</option>
                {options}
            </select>
            // A screen reader hears how a save ended, once, not that it started: arrowing through
            // the scores sends one save at a time and the newest choice last (see `SaveQueue`).
            <span id=status_id class="save-state" aria-live="polite" data-state=move || state.get().as_str()>
                {move || match state.get() {
                    SaveState::Idle => ().into_any(),
                    SaveState::Saving => view! { <span aria-hidden="true">{t.saving()}</span> }.into_any(),
                    SaveState::Saved => t.saved().into_any(),
                    SaveState::Failed => t.save_failed().into_any(),
                }}
            </span>
            {move || (state.get() == SaveState::Failed).then(|| {
                let retry = retry.clone();
                view! { <button type="button" class="retry" on:click=move |_| retry(value.get_untracked())>{t.retry()}</button> }
            })}
        </div>
    }
}

/// The group's own link and its QR code, so the others in the group open the same sheet.
#[component]
fn GroupInvite(link: QrLink) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="card group-invite" aria-labelledby="group-invite-heading">
            <h2 id="group-invite-heading">{t.invite_heading()}</h2>
            <p class="hint">{t.invite_intro()}</p>
            <div class="qr" inner_html=link.qr_svg></div>
            <p class="group-url"><a href=link.url.clone()>{link.url.clone()}</a></p>
        </section>
    }
}
