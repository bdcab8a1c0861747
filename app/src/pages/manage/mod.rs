mod group_links;
mod history;
mod settings;
mod suggestions;

use kvadrant::{Description, Name};
use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::actions::{
    AcceptSuggestion, AddGroups, DuplicateWorkshop, KeepSuggestion, MoveItem, RemoveItem, RenewCode, RenewGroupLink,
    RenewReviewLink, RenewSecret, SaveArea, SaveCategory, SetResultsHidden, SetScoring, UpdateGroup, UpdateSettings,
    UpdateWorkshop, load_managed, load_review_link,
};
use crate::error::AppError;
use crate::hydration::island_hydrated;
use crate::i18n::use_texts;
use crate::live;
use crate::model::{Category, ListKind, ReviewLink, Workshop, results_path, workshop_api_path};
use crate::private_links::{self, PrivateLink};
use crate::ui::{DemoBadge, ErrorNote, FormError, Loading, ProgressTable, ResultsPanels, last_error};
use group_links::GroupLinks;
use history::AreaHistory;
use settings::SettingsForm;
use suggestions::Suggestions;

/// Every change a facilitator can make; each is a plain form that also works before scripts load.
#[derive(Clone, Copy)]
pub(super) struct Actions {
    pub(super) update: ServerAction<UpdateWorkshop>,
    pub(super) settings: ServerAction<UpdateSettings>,
    pub(super) scoring: ServerAction<SetScoring>,
    pub(super) visibility: ServerAction<SetResultsHidden>,
    pub(super) save_category: ServerAction<SaveCategory>,
    pub(super) save_area: ServerAction<SaveArea>,
    pub(super) add_groups: ServerAction<AddGroups>,
    pub(super) update_group: ServerAction<UpdateGroup>,
    pub(super) remove: ServerAction<RemoveItem>,
    pub(super) reorder: ServerAction<MoveItem>,
    pub(super) renew_review: ServerAction<RenewReviewLink>,
    pub(super) renew_group_link: ServerAction<RenewGroupLink>,
    pub(super) renew_secret: ServerAction<RenewSecret>,
    pub(super) renew_code: ServerAction<RenewCode>,
    pub(super) duplicate: ServerAction<DuplicateWorkshop>,
    pub(super) accept: ServerAction<AcceptSuggestion>,
    pub(super) keep: ServerAction<KeepSuggestion>,
}

impl Actions {
    fn new() -> Actions {
        Actions {
            update: ServerAction::new(),
            settings: ServerAction::new(),
            scoring: ServerAction::new(),
            visibility: ServerAction::new(),
            save_category: ServerAction::new(),
            save_area: ServerAction::new(),
            add_groups: ServerAction::new(),
            update_group: ServerAction::new(),
            remove: ServerAction::new(),
            reorder: ServerAction::new(),
            renew_review: ServerAction::new(),
            renew_group_link: ServerAction::new(),
            renew_secret: ServerAction::new(),
            renew_code: ServerAction::new(),
            duplicate: ServerAction::new(),
            accept: ServerAction::new(),
            keep: ServerAction::new(),
        }
    }

    /// Grows whenever any change completes, so the page reloads the workshop.
    fn changes(&self) -> usize {
        self.update.version().get()
            + self.settings.version().get()
            + self.scoring.version().get()
            + self.visibility.version().get()
            + self.save_category.version().get()
            + self.save_area.version().get()
            + self.add_groups.version().get()
            + self.update_group.version().get()
            + self.remove.version().get()
            + self.reorder.version().get()
            + self.renew_review.version().get()
            + self.renew_group_link.version().get()
            + self.accept.version().get()
            + self.keep.version().get()
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
}

#[component]
pub fn ManagePage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        // The page and its address hold the secret: keep both out of shared caches and history stores.
        response.insert_header(http::header::CACHE_CONTROL, http::HeaderValue::from_static("no-store"));
    }
    let (code, secret) = (param("code"), param("secret"));
    view! { <ManageWorkshop code=code() secret=secret() /> }
}

/// The whole workspace, reloaded after every change the facilitator makes.
#[island(lazy)]
fn ManageWorkshop(code: String, secret: String) -> impl IntoView {
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
            move || (keys.code.get_value(), keys.secret.get_value(), actions.renew_review.version().get()),
            |(code, secret, _)| load_review_link(code, secret),
        ),
    };
    view! {
        <Transition fallback=Loading>
            {move || {
                Suspend::new(async move {
                    match workshop.await {
                        Err(error) => view! { <ErrorNote error /> }.into_any(),
                        Ok(workshop) => view! { <Manage workshop keys actions loaded /> }.into_any(),
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
}

#[component]
fn Manage(workshop: Workshop, keys: Credentials, actions: Actions, loaded: Loaded) -> impl IntoView {
    // Here, not in the island itself: the workspace hydrates once its data has been read.
    island_hydrated();
    let t = use_texts();
    let code = workshop.code.clone();
    let (title, description, open) = (workshop.title.clone(), workshop.description.clone(), workshop.scoring_open);
    let hidden = workshop.results_hidden;
    let link = PrivateLink { code: code.clone(), secret: keys.secret.get_value(), title: title.clone() };
    // The workshops home lists what this browser has opened as facilitator.
    Effect::new(move || private_links::remember(link.clone()));
    view! {
        <Title text=format!("{} – {}", workshop.title, t.manage_heading) />
        <DemoBadge demo=workshop.demo />
        <h1>{workshop.title.clone()}<span class="subtitle">{t.manage_heading}</span></h1>
        <p class="notice">{t.manage_private}</p>
        <FormError error=last_error(actions.reorder.value()) />
        <FormError error=last_error(actions.remove.value()) />

        <section class="card join-info">
            <p>{t.join_code}": "<strong class="join-code">{code.clone()}</strong></p>
            <p>{t.join_link}": "<a href=format!("/w/{code}")>{format!("/w/{code}")}</a></p>
            <p>
                <a href=results_path(&code)>{t.see_results}</a>" · "
                <a href=format!("/w/{code}/screen") target="_blank">{t.big_screen}</a>
            </p>
        </section>

        <section class="card">
            <p class="status" role="status">
                {if workshop.scoring_open { t.scoring_is_open } else { t.scoring_is_closed }}
            </p>
            <ActionForm action=actions.scoring>
                {keys.fields()}
                <input type="hidden" name="open" value=(!open).to_string() />
                <button type="submit">{if open { t.close_scoring } else { t.open_scoring }}</button>
            </ActionForm>
            <FormError error=last_error(actions.scoring.value()) />
            <p class="status">{if hidden { t.results_are_hidden } else { t.results_are_visible }}</p>
            <ActionForm action=actions.visibility>
                {keys.fields()}
                <input type="hidden" name="hidden" value=(!hidden).to_string() />
                <button type="submit">{if hidden { t.reveal_results } else { t.hide_results }}</button>
            </ActionForm>
            <FormError error=last_error(actions.visibility.value()) />
        </section>

        <Dashboard code=code.clone() keys actions />

        <section class="card">
            <h2>{t.details_heading}</h2>
            <ActionForm action=actions.update>
                {keys.fields()}
                <label for="title">{t.title_label}</label>
                <input id="title" name="title" required maxlength=kvadrant::Title::MAX_CHARS value=title />
                <label for="description">{t.description_label}</label>
                <textarea id="description" name="description" rows="3" maxlength=Description::MAX_CHARS>{description}</textarea>
                <button type="submit">{t.save}</button>
            </ActionForm>
            <FormError error=last_error(actions.update.value()) />
        </section>

        <SettingsForm settings=workshop.settings.clone() keys actions />
        <Categories workshop=workshop.clone() keys actions />
        <Areas workshop=workshop.clone() keys actions changes=loaded.changes />
        <Groups workshop=workshop.clone() keys actions />
        <GroupLinks workshop keys actions links=loaded.links />
        <Leaders keys actions link=loaded.review />
    }
    .into_any()
}

/// The leaders' read-only link, and a copy of the workshop to start the next one from.
#[component]
fn Leaders(keys: Credentials, actions: Actions, link: Resource<Result<ReviewLink, AppError>>) -> impl IntoView {
    let t = use_texts();
    // The secret reaches the download in the cookie the page set, never in the address.
    let setup = format!("{}/setup", workshop_api_path(&keys.code.get_value()));
    view! {
        <section class="card leaders">
            <h2>{t.review_heading}</h2>
            <p class="hint">{t.review_help}</p>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match link.await {
                        Ok(link) => view! {
                            <p><a class="review-link" href=link.path.clone()>{link.path.clone()}</a></p>
                        }.into_any(),
                        Err(error) => view! { <ErrorNote error /> }.into_any(),
                    }
                })}
            </Transition>
            <ActionForm action=actions.renew_review>
                {keys.fields()}
                <button type="submit">{t.renew_review}</button>
            </ActionForm>
            <FormError error=last_error(actions.renew_review.value()) />
            <p class="hint">{t.renew_facilitator_help}</p>
            <ActionForm action=actions.renew_secret>
                {keys.fields()}
                <button type="submit">{t.renew_facilitator_link}</button>
            </ActionForm>
            <FormError error=last_error(actions.renew_secret.value()) />
            <p class="hint">{t.renew_code_help}</p>
            <ActionForm action=actions.renew_code>
                {keys.fields()}
                <button type="submit">{t.renew_code}</button>
            </ActionForm>
            <FormError error=last_error(actions.renew_code.value()) />
            <h2>{t.duplicate_heading}</h2>
            <p class="hint">{t.duplicate_help}</p>
            <ActionForm action=actions.duplicate>
                {keys.fields()}
                <button type="submit">{t.duplicate_button}</button>
            </ActionForm>
            <FormError error=last_error(actions.duplicate.value()) />
            <p><a href=setup rel="external" download="">{t.download_setup}</a></p>
        </section>
    }
}

/// The workshop as it happens: each group's progress, the matrix and the ranked list, hidden
/// results included.
#[component]
fn Dashboard(code: String, keys: Credentials, actions: Actions) -> impl IntoView {
    let t = use_texts();
    let live = live::follow(format!("{}/live/private", workshop_api_path(&code)));
    let results = live.results();
    // Its own memo, so a half-made choice is not redrawn away by every score that arrives.
    let suggestions = Memo::new(move |_| {
        live.view.with(|view| view.as_ref().map(|view| (view.suggestions.clone(), view.workshop.categories.clone())))
    });
    view! {
        {move || suggestions.get().map(|(suggestions, categories)| view! {
            <Suggestions suggestions categories keys actions />
        })}
        <section class="card dashboard" aria-labelledby="live-heading">
            <h2 id="live-heading">{t.live_heading}</h2>
            {move || match live.view.get() {
                None => view! { <p class="hint">{t.connecting}</p> }.into_any(),
                Some(view) => view! {
                    <ProgressTable view />
                    {results.get().map(|results| view! { <ResultsPanels results /> })}
                }
                .into_any(),
            }}
        </section>
    }
}

/// Up, down and remove for one item of a list.
#[component]
fn ItemControls(keys: Credentials, list: ListKind, id: i64, label: String, actions: Actions) -> impl IntoView {
    let t = use_texts();
    let list_value = list.as_str();
    let step = |up: bool, text: &'static str, symbol: &'static str| {
        let aria_label = format!("{text}: {label}");
        view! {
            <ActionForm action=actions.reorder attr:class="inline">
                {keys.fields()}
                <input type="hidden" name="list" value=list_value />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="up" value=up.to_string() />
                <button type="submit" class="icon" aria-label=aria_label title=text>{symbol}</button>
            </ActionForm>
        }
    };
    let steps = (list != ListKind::Groups).then(|| (step(true, t.move_up, "↑"), step(false, t.move_down, "↓")));
    let remove_label = format!("{}: {label}", t.remove);
    view! {
        <div class="controls">
            {steps}
            <ActionForm action=actions.remove attr:class="inline">
                {keys.fields()}
                <input type="hidden" name="list" value=list_value />
                <input type="hidden" name="id" value=id />
                <button type="submit" class="danger" aria-label=remove_label>{t.remove}</button>
            </ActionForm>
        </div>
    }
}

#[component]
fn Categories(workshop: Workshop, keys: Credentials, actions: Actions) -> impl IntoView {
    let t = use_texts();
    let empty = workshop.categories.is_empty();
    let items = workshop
        .categories
        .into_iter()
        .map(|category| {
            let prefix = format!("category-{}", category.id);
            let (name, label) = (category.name.clone(), category.name.clone());
            view! {
                <li class="item">
                    <ActionForm action=actions.save_category attr:class="item-form">
                        {keys.fields()}
                        <input type="hidden" name="id" value=category.id.0 />
                        <label for=format!("{prefix}-name")>{t.name_label}</label>
                        <input id=format!("{prefix}-name") name="name" required maxlength=Name::MAX_CHARS value=name />
                        <input type="hidden" name="description" value=category.description.clone() />
                        <button type="submit">{t.save}</button>
                    </ActionForm>
                    <ItemControls keys list=ListKind::Categories id=category.id.0 label=label actions />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{t.categories_heading}</h2>
            {empty.then(|| view! { <p class="hint">{t.empty_list}</p> })}
            <ol class="items">{items}</ol>
            <ActionForm action=actions.save_category attr:class="add-form">
                {keys.fields()}
                <label for="new-category-name">{t.add_category}</label>
                <input id="new-category-name" name="name" required maxlength=Name::MAX_CHARS />
                <input type="hidden" name="description" value="" />
                <button type="submit">{t.add_category}</button>
            </ActionForm>
            <FormError error=last_error(actions.save_category.value()) />
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
        <option value="" selected=selected.is_none()>{t.no_category}</option>
        {options}
    }
}

#[component]
fn Areas(workshop: Workshop, keys: Credentials, actions: Actions, changes: history::Changes) -> impl IntoView {
    let t = use_texts();
    let categories = workshop.categories.clone();
    let empty = workshop.areas.is_empty();
    let settings = workshop.settings.clone();
    let items = workshop
        .areas
        .into_iter()
        .map(|area| {
            let prefix = format!("area-{}", area.id);
            let (name, label) = (area.name.clone(), area.name.clone());
            let options = category_options(&categories, area.category_id.map(|c| c.0));
            view! {
                <li class="item">
                    <ActionForm action=actions.save_area attr:class="item-form">
                        {keys.fields()}
                        <input type="hidden" name="id" value=area.id.0 />
                        <label for=format!("{prefix}-name")>{t.name_label}</label>
                        <input id=format!("{prefix}-name") name="name" required maxlength=Name::MAX_CHARS value=name />
                        <label for=format!("{prefix}-category")>{t.category}</label>
                        <select id=format!("{prefix}-category") name="category">
                            {options}
                        </select>
                        <label for=format!("{prefix}-description")>{t.description_label}</label>
                        <input id=format!("{prefix}-description") name="description" maxlength=Description::MAX_CHARS value=area.description.clone() />
                        <button type="submit">{t.save}</button>
                    </ActionForm>
                    <ItemControls keys list=ListKind::Areas id=area.id.0 label=label actions />
                    <AreaHistory area=area.id changes settings=settings.clone() />
                </li>
            }
        })
        .collect_view();
    let new_options = category_options(&categories, None);
    view! {
        <section class="card">
            <h2>{t.areas_heading}</h2>
            {empty.then(|| view! { <p class="hint">{t.empty_list}</p> })}
            <ol class="items">{items}</ol>
            <ActionForm action=actions.save_area attr:class="add-form">
                {keys.fields()}
                <label for="new-area-name">{t.add_area}</label>
                <input id="new-area-name" name="name" required maxlength=Name::MAX_CHARS />
                <label for="new-area-category">{t.category}</label>
                <select id="new-area-category" name="category">{new_options}</select>
                <label for="new-area-description">{t.description_label}</label>
                <input id="new-area-description" name="description" maxlength=Description::MAX_CHARS />
                <button type="submit">{t.add_area}</button>
            </ActionForm>
            <FormError error=last_error(actions.save_area.value()) />
        </section>
    }
    .into_any()
}

#[component]
fn Groups(workshop: Workshop, keys: Credentials, actions: Actions) -> impl IntoView {
    let t = use_texts();
    let empty = workshop.groups.is_empty();
    let items = workshop
        .groups
        .into_iter()
        .map(|group| {
            let id = format!("group-{}-name", group.id);
            let tags_id = format!("group-{}-tags", group.id);
            let (name, label) = (group.name.clone(), group.name.clone());
            let tags: Vec<String> = group.tags.iter().map(|tag| format!("{}: {}", tag.dimension, tag.value)).collect();
            let tags = tags.join("\n");
            view! {
                <li class="item">
                    <ActionForm action=actions.update_group attr:class="item-form">
                        {keys.fields()}
                        <input type="hidden" name="id" value=group.id.0 />
                        <label for=id.clone()>{t.name_label}</label>
                        <input id=id name="name" required maxlength=Name::MAX_CHARS value=name />
                        <label for=tags_id.clone()>{t.tags_label}</label>
                        <textarea id=tags_id name="tags" rows="2" placeholder=t.tags_help>{tags}</textarea>
                        <button type="submit">{t.save}</button>
                    </ActionForm>
                    <ItemControls keys list=ListKind::Groups id=group.id.0 label=label actions />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{t.groups_heading}</h2>
            {if empty {
                view! { <p class="hint">{t.empty_list}</p> }.into_any()
            } else {
                view! { <p class="hint">{t.remove_group_warning}</p> }.into_any()
            }}
            <ol class="items">{items}</ol>
            <FormError error=last_error(actions.update_group.value()) />
            <ActionForm action=actions.add_groups attr:class="add-form">
                {keys.fields()}
                <label for="group-count">{t.groups_count_label}</label>
                <input id="group-count" name="count" type="number" min="1" max="100" value="9" inputmode="numeric" />
                <label for="group-names">{t.groups_names_label}</label>
                <textarea id="group-names" name="names" rows="3"></textarea>
                <button type="submit">{t.add_groups}</button>
            </ActionForm>
            <FormError error=last_error(actions.add_groups.value()) />
        </section>
    }
    .into_any()
}
