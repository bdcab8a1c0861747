//! The facilitator's workspace, in three parts with their own addresses: Prepare (the
//! workshop's lists), Run (the session itself) and Review (results, links and downloads).

mod group_links;
mod history;
mod prepare;
mod removal;
mod review;
mod run;
mod settings;
mod suggestions;

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use super::param;
use crate::actions::{
    AcceptSuggestion, AddAreas, AddGroups, DeleteWorkshop, DuplicateWorkshop, KeepSuggestion, MoveItem, RemoveItem,
    RenewCode, RenewGroupLink, RenewReviewLink, RenewSecret, RestoreItem, SaveArea, SaveCategory, SetResultsHidden,
    SetScoring, StartRound, UpdateGroup, UpdateSettings, UpdateWorkshop, load_invite, load_managed, load_review_link,
    load_usage,
};
use crate::error::AppError;
use crate::hydration::island_hydrated;
use crate::i18n::use_texts;
use crate::model::{Category, Invite, ReviewLink, Usage, Workshop, manage_path};
use crate::private_links::{self, PrivateLink};
use crate::ui::{DemoBadge, ErrorNote, Loading};

/// The parts of the workspace, each at its own address under the facilitator's link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    Prepare,
    Run,
    Review,
}

impl Part {
    const ALL: [Part; 3] = [Part::Prepare, Part::Run, Part::Review];

    /// What follows the facilitator's link for this part.
    fn suffix(self) -> &'static str {
        match self {
            Part::Prepare => "",
            Part::Run => "/run",
            Part::Review => "/review",
        }
    }

    fn name(self) -> &'static str {
        let t = use_texts();
        match self {
            Part::Prepare => t.part_prepare(),
            Part::Run => t.part_run(),
            Part::Review => t.part_review(),
        }
    }
}

/// Every change a facilitator can make; each is a plain form that also works before scripts load.
#[derive(Clone, Copy)]
pub(super) struct Actions {
    pub(super) update: ServerAction<UpdateWorkshop>,
    pub(super) settings: ServerAction<UpdateSettings>,
    pub(super) scoring: ServerAction<SetScoring>,
    pub(super) visibility: ServerAction<SetResultsHidden>,
    pub(super) round: ServerAction<StartRound>,
    pub(super) add_category: ServerAction<SaveCategory>,
    pub(super) save_category: ServerAction<SaveCategory>,
    pub(super) add_area: ServerAction<SaveArea>,
    pub(super) save_area: ServerAction<SaveArea>,
    pub(super) add_areas: ServerAction<AddAreas>,
    pub(super) add_groups: ServerAction<AddGroups>,
    pub(super) update_group: ServerAction<UpdateGroup>,
    pub(super) remove: ServerAction<RemoveItem>,
    pub(super) restore: ServerAction<RestoreItem>,
    pub(super) reorder: ServerAction<MoveItem>,
    pub(super) renew_review: ServerAction<RenewReviewLink>,
    pub(super) renew_group_link: ServerAction<RenewGroupLink>,
    pub(super) renew_secret: ServerAction<RenewSecret>,
    pub(super) renew_code: ServerAction<RenewCode>,
    pub(super) duplicate: ServerAction<DuplicateWorkshop>,
    pub(super) delete: ServerAction<DeleteWorkshop>,
    pub(super) accept: ServerAction<AcceptSuggestion>,
    pub(super) keep: ServerAction<KeepSuggestion>,
    /// Grows with every change that succeeded, so the page reloads the workshop then, and
    /// only then: after a failure the forms keep what the facilitator typed.
    saved: RwSignal<usize>,
    /// What the last change did, in words, for screen readers and the eye.
    pub(super) announcement: RwSignal<String>,
    /// The id of the element to focus once the workspace is drawn again after a change.
    focus_after: StoredValue<Option<String>>,
}

/// Where focus goes once the workspace is drawn again after a change: every control it
/// redraws has an id of its own, the same each time.
#[derive(Clone, Copy)]
enum Focus {
    /// Back to the control that made the change, or to the page's heading if it went with it.
    Back,
    /// To the undo a removal offers.
    Undo,
}

/// The workspace's heading: focus goes there when the control that had it is gone.
const HEADING: &str = "workspace-heading";

impl Actions {
    fn new() -> Actions {
        let actions = Actions {
            update: ServerAction::new(),
            settings: ServerAction::new(),
            scoring: ServerAction::new(),
            visibility: ServerAction::new(),
            round: ServerAction::new(),
            add_category: ServerAction::new(),
            save_category: ServerAction::new(),
            add_area: ServerAction::new(),
            save_area: ServerAction::new(),
            add_areas: ServerAction::new(),
            add_groups: ServerAction::new(),
            update_group: ServerAction::new(),
            remove: ServerAction::new(),
            restore: ServerAction::new(),
            reorder: ServerAction::new(),
            renew_review: ServerAction::new(),
            renew_group_link: ServerAction::new(),
            renew_secret: ServerAction::new(),
            renew_code: ServerAction::new(),
            duplicate: ServerAction::new(),
            delete: ServerAction::new(),
            accept: ServerAction::new(),
            keep: ServerAction::new(),
            saved: RwSignal::new(0),
            announcement: RwSignal::new(String::new()),
            focus_after: StoredValue::new(None),
        };
        let t = use_texts();
        // The lists are drawn again over the same elements, which keep what was typed in them:
        // an add-form that succeeded is emptied here, or its text would go into the next item.
        actions.clear_on_success(actions.add_category, "form.add-form.category");
        actions.clear_on_success(actions.add_area, "form.add-form.area");
        actions.clear_on_success(actions.add_areas, "form.add-form.bulk");
        actions.clear_on_success(actions.add_groups, "form.add-form.groups");
        actions.count(actions.update, Focus::Back, |_| None);
        actions.count(actions.settings, Focus::Back, |_| None);
        actions.count(actions.scoring, Focus::Back, |_| None);
        actions.count(actions.visibility, Focus::Back, |_| None);
        actions.count(actions.round, Focus::Back, |_| None);
        actions.count(actions.add_category, Focus::Back, |name| Some(t.added(name)));
        actions.count(actions.save_category, Focus::Back, |_| None);
        actions.count(actions.add_area, Focus::Back, |name| Some(t.added(name)));
        actions.count(actions.save_area, Focus::Back, |_| None);
        actions.count(actions.add_areas, Focus::Back, |count| Some(t.areas_added(*count)));
        actions.count(actions.add_groups, Focus::Back, |_| None);
        actions.count(actions.update_group, Focus::Back, |_| None);
        actions.count(actions.remove, Focus::Undo, |removal| Some(t.removed(removal)));
        actions.count(actions.restore, Focus::Back, |_| Some(t.restored().to_owned()));
        actions.count(actions.reorder, Focus::Back, |_| None);
        actions.count(actions.renew_review, Focus::Back, |_| None);
        actions.count(actions.renew_group_link, Focus::Back, |_| None);
        actions.count(actions.accept, Focus::Back, |_| None);
        actions.count(actions.keep, Focus::Back, |_| None);
        actions
    }

    /// Counts the action's successes, and says what each did where `words` has something to say.
    fn count<S>(self, action: ServerAction<S>, focus: Focus, words: impl Fn(&S::Output) -> Option<String> + 'static)
    where
        S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        Effect::new(move |_| {
            if let Some(Ok(output)) = action.value().get() {
                let target = match focus {
                    Focus::Back => focused_id(),
                    Focus::Undo => Some(removal::UNDO_BUTTON.to_owned()),
                };
                self.focus_after.set_value(Some(target.unwrap_or_else(|| HEADING.to_owned())));
                self.saved.update(|n| *n += 1);
                self.announcement.set(words(&output).unwrap_or_default());
            }
        });
    }

    /// Focuses what [`Focus`] chose for the last change, once the workspace is drawn again.
    fn restore_focus(self) {
        let Some(id) = self.focus_after.try_update_value(Option::take).flatten() else { return };
        // On the next frame: the workspace drawn again replaces the one on the page only after
        // this runs, and the old one has the same ids.
        #[cfg(feature = "hydrate")]
        request_animation_frame(move || {
            use wasm_bindgen::JsCast;
            let document = document();
            let target = document.get_element_by_id(&id).or_else(|| document.get_element_by_id(HEADING));
            if let Some(target) = target.and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = target.focus();
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = id;
    }

    /// Empties the forms matching `selector` each time `action` succeeds.
    fn clear_on_success<S>(self, action: ServerAction<S>, selector: &'static str)
    where
        S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        Effect::new(move |_| {
            if matches!(action.value().get(), Some(Ok(_))) {
                #[cfg(feature = "hydrate")]
                reset_forms(selector);
            }
            let _ = selector;
        });
    }

    /// Changes that succeeded so far: what the workspace's data is read again on.
    fn changes(&self) -> usize {
        self.saved.get()
    }
}

/// The id of the element that has the focus, if it has one.
fn focused_id() -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        document().active_element().map(|element| element.id()).filter(|id| !id.is_empty())
    }
    #[cfg(not(feature = "hydrate"))]
    None
}

/// Puts the forms matching `selector` back to their initial values.
#[cfg(feature = "hydrate")]
fn reset_forms(selector: &str) {
    use wasm_bindgen::JsCast;
    let Ok(forms) = document().query_selector_all(selector) else { return };
    for index in 0..forms.length() {
        if let Some(form) = forms.item(index).and_then(|node| node.dyn_into::<web_sys::HtmlFormElement>().ok()) {
            form.reset();
        }
    }
}

/// The join code and secret every form sends along.
#[derive(Clone, Copy)]
pub(super) struct Credentials {
    pub(super) code: StoredValue<String>,
    pub(super) secret: StoredValue<String>,
}

impl Credentials {
    pub(super) fn fields(self) -> impl IntoView {
        view! {
            <input type="hidden" name="code" value=self.code.get_value() />
            <input type="hidden" name="secret" value=self.secret.get_value() />
        }
    }

    /// The address of one part of the workspace.
    fn path(self, part: Part) -> String {
        format!("{}{}", manage_path(&self.code.get_value(), &self.secret.get_value()), part.suffix())
    }
}

/// The facilitator's page, showing `part`.
#[component]
pub fn ManagePage(part: Part) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        // The page and its address hold the secret: keep both out of shared caches and history stores.
        response.insert_header(http::header::CACHE_CONTROL, http::HeaderValue::from_static("no-store"));
    }
    let (code, secret) = (param("code"), param("secret"));
    view! { <ManageWorkshop code=code() secret=secret() part /> }
}

/// The whole workspace, reloaded after every change the facilitator makes.
#[island(lazy)]
fn ManageWorkshop(code: String, secret: String, part: Part) -> impl IntoView {
    let actions = Actions::new();
    let keys = Credentials { code: StoredValue::new(code), secret: StoredValue::new(secret) };
    // Every resource of the workspace is made here, as the island starts, so that the server
    // hands each one's data to the browser (those made later, under a transition, it does not).
    let workshop = Resource::new(
        move || (keys.code.get_value(), keys.secret.get_value(), actions.changes()),
        |(code, secret, _)| load_managed(code, secret),
    );
    let loaded = Loaded {
        changes: history::load(keys, actions),
        links: group_links::load(keys, actions),
        review: Resource::new(
            move || (keys.code.get_value(), keys.secret.get_value(), actions.changes()),
            |(code, secret, _)| load_review_link(code, secret),
        ),
        // Only Prepare, where items are removed, says what a removal would take.
        usage: Resource::new(
            move || (keys.code.get_value(), keys.secret.get_value(), actions.changes()),
            move |(code, secret, _)| async move {
                match part {
                    Part::Prepare => load_usage(code, secret).await,
                    Part::Run | Part::Review => Ok(Usage::default()),
                }
            },
        ),
        invite: Resource::new(move || (keys.code.get_value(), actions.changes()), |(code, _)| load_invite(code)),
    };
    let t = use_texts();
    view! {
        <nav class="parts" aria-label=t.parts_label()>
            <ul>
                {Part::ALL.map(|each| view! {
                    <li><a href=keys.path(each) aria-current=(each == part).then_some("page")>{each.name()}</a></li>
                })}
            </ul>
        </nav>
        <p class="announcement" role="status">{move || actions.announcement.get()}</p>
        <removal::Undo keys actions />
        <Transition fallback=Loading>
            {move || {
                Suspend::new(async move {
                    match workshop.await {
                        Err(error) => view! { <ErrorNote error /> }.into_any(),
                        Ok(workshop) => {
                            let usage = loaded.usage.await.ok();
                            view! { <Manage workshop usage keys actions loaded part /> }.into_any()
                        }
                    }
                })
            }}
        </Transition>
    }
}

/// What the workspace reads besides the workshop.
#[derive(Clone, Copy)]
struct Loaded {
    changes: history::Changes,
    links: group_links::Links,
    review: Resource<Result<ReviewLink, AppError>>,
    usage: Resource<Result<Usage, AppError>>,
    invite: Resource<Result<Invite, AppError>>,
}

#[component]
fn Manage(
    workshop: Workshop,
    usage: Option<Usage>,
    keys: Credentials,
    actions: Actions,
    loaded: Loaded,
    part: Part,
) -> impl IntoView {
    // Here, not in the island itself: the workspace hydrates once its data has been read.
    island_hydrated();
    let t = use_texts();
    let link =
        PrivateLink { code: workshop.code.clone(), secret: keys.secret.get_value(), title: workshop.title.clone() };
    // The workshops home lists what this browser has opened as facilitator.
    Effect::new(move || private_links::remember(link.clone()));
    Effect::new(move || actions.restore_focus());
    let body = match part {
        Part::Prepare => view! { <prepare::Prepare workshop=workshop.clone() usage keys actions loaded /> }.into_any(),
        Part::Run => view! { <run::Run workshop=workshop.clone() keys actions loaded /> }.into_any(),
        Part::Review => {
            view! { <review::Review keys actions link=loaded.review deleted_on=workshop.deleted_on.clone() /> }
                .into_any()
        }
    };
    view! {
        <Title text=format!("{} – {} – {}", workshop.title, part.name(), t.manage_heading()) />
        <DemoBadge demo=workshop.demo />
        <h1 id=HEADING tabindex="-1">{workshop.title.clone()}<span class="subtitle">{t.manage_heading()}" · "{part.name()}</span></h1>
        <p class="notice">{t.manage_private()}</p>
        {(part != Part::Review).then(|| view! { <Checklist workshop=workshop.clone() keys /> })}
        {body}
    }
    .into_any()
}

/// What is still missing before the groups can score, each with where to see to it.
#[component]
fn Checklist(workshop: Workshop, keys: Credentials) -> impl IntoView {
    let t = use_texts();
    let (areas, groups, open) = (workshop.areas.len(), workshop.groups.len(), workshop.scoring_open);
    if areas > 0 && groups > 0 && open {
        return ().into_any();
    }
    let step = |done: bool, text: String, part: Part| {
        let state = if done { "done" } else { "missing" };
        view! {
            <li data-state=state>
                {if done { text.into_any() } else { view! { <a href=keys.path(part)>{text}</a> }.into_any() }}
            </li>
        }
    };
    view! {
        <section class="card checklist" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading">{t.checklist_heading()}</h2>
            <ol>
                {step(areas > 0, if areas > 0 { t.check_areas(areas) } else { t.check_areas_missing().to_owned() }, Part::Prepare)}
                {step(groups > 0, if groups > 0 { t.check_groups(groups) } else { t.check_groups_missing().to_owned() }, Part::Prepare)}
                {step(open, if open { t.check_open() } else { t.check_open_missing() }.to_owned(), Part::Run)}
            </ol>
        </section>
    }
    .into_any()
}

/// The choices of an area's category, `selected` marked; the first means none.
pub(super) fn category_options(categories: &[Category], selected: Option<i64>) -> impl IntoView + use<> {
    let t = use_texts();
    let options = categories
        .iter()
        .map(|c| view! { <option value=c.id.0 selected=selected == Some(c.id.0)>{c.name.clone()}</option> })
        .collect_view();
    view! {
        <option value="" selected=selected.is_none()>{t.no_category()}</option>
        {options}
    }
}
