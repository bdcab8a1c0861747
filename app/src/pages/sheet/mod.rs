mod comment;
mod suggest;

use std::sync::{Arc, Mutex};

use kvadrant::{AreaId, Axis, Entity, Error};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos::task::spawn_local;
use leptos_meta::Title;

use super::param;
use crate::actions::{SaveAreaScores, load_group_invite, load_sheet, save_score};
use crate::error::AppError;
use crate::hydration::island_hydrated;
use crate::i18n::use_texts;
use crate::live;
use crate::model::{QrLink, Sheet, sheet_live_path};
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
                            let results = format!("/w/{}/results", sheet.workshop.code);
                            view! {
                                <SheetForm sheet key />
                                <GroupInvite link=invite />
                                <p><a href=results>{use_texts().see_results}</a></p>
                            }
                            .into_any()
                        }
                    }
                })
            }}
        </Suspense>
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
fn SheetForm(sheet: Sheet, key: String) -> impl IntoView {
    island_hydrated();
    let t = use_texts();
    let workshop = &sheet.workshop;
    let cells: Vec<CellSignals> = workshop
        .areas
        .iter()
        .map(|area| CellSignals {
            area: area.id,
            potential: Cell::new(sheet.value(area.id, Axis::Potential)),
            feasibility: Cell::new(sheet.value(area.id, Axis::Feasibility)),
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
    let open = RwSignal::new(workshop.scoring_open);
    let context = CellContext {
        code: StoredValue::new(workshop.code.clone()),
        group: sheet.group.id.0,
        key: StoredValue::new(key),
        open,
        scale: (workshop.settings.scale_min, workshop.settings.scale_max),
    };

    let live = live::follow(sheet_live_path(&workshop.code, sheet.group.id));
    let list: Vec<AreaId> = workshop.areas.iter().map(|area| area.id).collect();
    let list_changed = RwSignal::new(false);
    Effect::new(move || {
        live.view.with(|view| {
            if let Some(view) = view {
                // Only real changes notify: the forms below must not be redrawn by every score.
                let changed = !view.workshop.areas.iter().map(|area| area.id).eq(list.iter().copied());
                open.maybe_update(|open| std::mem::replace(open, view.workshop.scoring_open) != *open);
                list_changed.maybe_update(|shown| std::mem::replace(shown, changed) != *shown);
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

    let sections = workshop
        .areas_by_category()
        .into_iter()
        .map(|(category, areas)| {
            let heading = category.map(|c| c.name.clone()).unwrap_or_else(|| t.no_category.to_owned());
            let rows = areas
                .into_iter()
                .map(|area| {
                    let name_id = format!("area-{}", area.id);
                    view! {
                        <li>
                            // Until the page is interactive, each area is a plain form with its own save button.
                            <form class="area-row" method="post" action=SaveAreaScores::PATH>
                                <input type="hidden" name="code" value=context.code.get_value() />
                                <input type="hidden" name="group" value=context.group />
                                <input type="hidden" name="key" value=context.key.get_value() />
                                <input type="hidden" name="area" value=area.id.0 />
                                <div class="area-text">
                                    <span class="area-name" id=name_id.clone()>{area.name.clone()}</span>
                                    {(!area.description.is_empty()).then(|| view! { <span class="hint">{area.description.clone()}</span> })}
                                </div>
                                {Axis::ALL.map(|axis| view! {
                                    <ScoreCell context area=area.id name_id=name_id.clone() axis cell=cell(area.id, axis) />
                                })}
                                {workshop.scoring_open.then(|| view! {
                                    <button type="submit" class="save-row">{t.save}</button>
                                })}
                            </form>
                            <CommentForm
                                code=context.code.get_value()
                                group=context.group
                                key=context.key.get_value()
                                area=area.id
                                area_name=area.name.clone()
                                comment=sheet.comments.iter().find(|c| c.area_id == area.id).cloned()
                                open
                                live=live.sheet
                            />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="category">
                    <h2>{heading}</h2>
                    <ul class="area-list">{rows}</ul>
                </section>
            }
        })
        .collect_view();

    view! {
        <Title text=format!("{} – {}", sheet.group.name, workshop.title) />
        <DemoBadge demo=workshop.demo />
        <p class="crumbs"><a href=format!("/w/{}", workshop.code)>{t.back_to_groups}</a></p>
        <h1>{sheet.group.name.clone()}<span class="subtitle">{workshop.title.clone()}</span></h1>
        <div role="status">
            {move || if open.get() {
                view! { <p class="hint">{t.sheet_intro}</p> }.into_any()
            } else {
                view! { <p class="notice closed">{t.scoring_closed_notice}</p> }.into_any()
            }}
            {move || list_changed.get().then(|| view! {
                <p class="notice">{t.list_changed}" "<a href="" rel="external">{t.reload}</a></p>
            })}
        </div>
        <p class="progress" aria-live="polite">{move || (t.scored_count)(done(), total)}</p>
        <div class="sheet">{sections}</div>
        {move || open.get().then(|| view! {
            <SuggestForm code=context.code.get_value() group=context.group key=context.key.get_value() />
        })}
    }
    .into_any()
}

#[derive(Clone, Copy)]
struct CellContext {
    code: StoredValue<String>,
    group: i64,
    /// What opened the sheet: the group's key, or the facilitator's secret.
    key: StoredValue<String>,
    open: RwSignal<bool>,
    scale: (u8, u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveState {
    Idle,
    Saving,
    Saved,
    Failed,
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
fn ScoreCell(context: CellContext, area: AreaId, name_id: String, axis: Axis, cell: Cell) -> impl IntoView {
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
        Axis::Potential => t.potential,
        Axis::Feasibility => t.feasibility,
    };
    let (min, max) = context.scale;
    let options = (min..=max)
        .map(|n| view! { <option value=n.to_string() selected=move || value.get() == Some(n)>{n}</option> })
        .collect_view();
    view! {
        <div class="score-cell">
            <label for=id.clone() id=label_id.clone()>{label}</label>
            <select
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
                <option value="" selected=move || value.get().is_none()>{t.not_set}</option>
                {options}
            </select>
            <span id=status_id class="save-state" aria-live="polite" data-state=move || format!("{:?}", state.get()).to_lowercase()>
                {move || match state.get() {
                    SaveState::Idle => "",
                    SaveState::Saving => t.saving,
                    SaveState::Saved => t.saved,
                    SaveState::Failed => t.save_failed,
                }}
            </span>
            {move || (state.get() == SaveState::Failed).then(|| {
                let retry = retry.clone();
                view! { <button type="button" class="retry" on:click=move |_| retry(value.get_untracked())>{t.retry}</button> }
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
            <h2 id="group-invite-heading">{t.invite_heading}</h2>
            <p class="hint">{t.invite_intro}</p>
            <div class="qr" inner_html=link.qr_svg></div>
            <p class="group-url"><a href=link.url.clone()>{link.url.clone()}</a></p>
        </section>
    }
}
