//! Prepare: the workshop's title and settings, and its categories, areas and groups as
//! compact lists, one line each, edited in place.

use kvadrant::{Description, Name};
use leptos::prelude::*;

use super::history::{self, AreaHistory};
use super::removal::RemoveControl;
use super::settings::SettingsForm;
use super::{Actions, Credentials, Loaded, category_options};
use crate::i18n::use_texts;
use crate::model::{ListKind, Usage, Workshop};
use crate::ui::{FormError, last_error};

#[component]
pub fn Prepare(
    workshop: Workshop,
    usage: Option<Usage>,
    keys: Credentials,
    actions: Actions,
    loaded: Loaded,
) -> impl IntoView {
    let t = use_texts();
    let (title, description) = (workshop.title.clone(), workshop.description.clone());
    view! {
        <section class="card">
            <h2>{t.details_heading()}</h2>
            <ActionForm action=actions.update>
                {keys.fields()}
                <label for="title">{t.title_label()}</label>
                <input id="title" name="title" required maxlength=kvadrant::Title::MAX_CHARS value=title />
                <label for="description">{t.description_label()}</label>
                <textarea id="description" name="description" rows="3" maxlength=Description::MAX_CHARS>{description}</textarea>
                <button type="submit" id="details-save">{t.save()}</button>
            </ActionForm>
            <FormError error=last_error(actions.update.value()) />
        </section>
        <Areas workshop=workshop.clone() keys actions changes=loaded.changes usage=usage.clone() />
        <Categories workshop=workshop.clone() keys actions />
        <Groups workshop=workshop.clone() keys actions usage />
        <SettingsForm settings=workshop.settings.clone() keys actions />
    }
}

/// Up and down for one item of an ordered list.
#[component]
fn Reorder(keys: Credentials, list: ListKind, id: i64, label: String, actions: Actions) -> impl IntoView {
    let t = use_texts();
    let step = move |up: bool, text: &'static str, symbol: &'static str| {
        let aria_label = format!("{text}: {label}");
        // The same id after the list is drawn again: focus follows the item it moved.
        let button = format!("{}-{id}-{}", list.as_str(), if up { "up" } else { "down" });
        view! {
            <ActionForm action=actions.reorder attr:class="inline">
                {keys.fields()}
                <input type="hidden" name="list" value=list.as_str() />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="up" value=up.to_string() />
                <button type="submit" id=button class="icon" aria-label=aria_label title=text>{symbol}</button>
            </ActionForm>
        }
    };
    view! { {step(true, t.move_up(), "↑")}{step(false, t.move_down(), "↓")} }
}

#[component]
fn Categories(workshop: Workshop, keys: Credentials, actions: Actions) -> impl IntoView {
    let t = use_texts();
    let empty = workshop.categories.is_empty();
    let items = workshop
        .categories
        .into_iter()
        .map(|category| {
            let field = format!("category-{}-name", category.id);
            let label = category.name.clone();
            view! {
                <li class="item line">
                    <ActionForm action=actions.save_category attr:class="item-form">
                        {keys.fields()}
                        <input type="hidden" name="id" value=category.id.0 />
                        <label for=field.clone() class="visually-hidden">{t.name_label()}</label>
                        <input id=field.clone() name="name" required maxlength=Name::MAX_CHARS value=category.name.clone() />
                        <input type="hidden" name="description" value=category.description.clone() />
                        <button type="submit" id=format!("{field}-save")>{t.save()}</button>
                    </ActionForm>
                    <div class="controls">
                        <Reorder keys list=ListKind::Categories id=category.id.0 label=label.clone() actions />
                        <RemoveControl keys actions list=ListKind::Categories id=category.id.0 label usage=None />
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="categories-heading">
            <h2 id="categories-heading">{t.categories_heading()}</h2>
            {empty.then(|| view! { <p class="hint">{t.empty_list()}</p> })}
            <ol class="items">{items}</ol>
            <FormError error=last_error(actions.save_category.value()) />
            <ActionForm action=actions.add_category attr:class="add-form category" attr:autocomplete="off">
                {keys.fields()}
                <label for="new-category-name">{t.add_category()}</label>
                <input id="new-category-name" name="name" required maxlength=Name::MAX_CHARS />
                <input type="hidden" name="description" value="" />
                <button type="submit" id="new-category-add">{t.add_category()}</button>
            </ActionForm>
            <FormError error=last_error(actions.add_category.value()) />
        </section>
    }
    .into_any()
}

#[component]
fn Areas(
    workshop: Workshop,
    keys: Credentials,
    actions: Actions,
    changes: history::Changes,
    usage: Option<Usage>,
) -> impl IntoView {
    let t = use_texts();
    let categories = workshop.categories.clone();
    let empty = workshop.areas.is_empty();
    let settings = workshop.settings.clone();
    let items = workshop
        .areas
        .into_iter()
        .map(|area| {
            let prefix = format!("area-{}", area.id);
            let label = area.name.clone();
            let options = category_options(&categories, area.category_id.map(|c| c.0));
            view! {
                <li class="item line">
                    <ActionForm action=actions.save_area attr:class="item-form">
                        {keys.fields()}
                        <input type="hidden" name="id" value=area.id.0 />
                        <label for=format!("{prefix}-name") class="visually-hidden">{t.name_label()}</label>
                        <input id=format!("{prefix}-name") name="name" required maxlength=Name::MAX_CHARS value=area.name.clone() />
                        <label for=format!("{prefix}-category") class="visually-hidden">{t.category()}</label>
                        <select id=format!("{prefix}-category") name="category">{options}</select>
                        <details class="describe">
                            <summary>{t.description_summary()}</summary>
                            <label for=format!("{prefix}-description") class="visually-hidden">{t.description_label()}</label>
                            <textarea id=format!("{prefix}-description") name="description" rows="2" maxlength=Description::MAX_CHARS>{area.description.clone()}</textarea>
                        </details>
                        <button type="submit" id=format!("{prefix}-save")>{t.save()}</button>
                    </ActionForm>
                    <div class="controls">
                        <Reorder keys list=ListKind::Areas id=area.id.0 label=label.clone() actions />
                        <RemoveControl keys actions list=ListKind::Areas id=area.id.0 label usage=usage.clone() />
                    </div>
                    <AreaHistory area=area.id changes settings=settings.clone() />
                </li>
            }
        })
        .collect_view();
    let new_options = category_options(&categories, None);
    view! {
        <section class="card" aria-labelledby="areas-heading">
            <h2 id="areas-heading">{t.areas_heading()}</h2>
            {empty.then(|| view! { <p class="hint">{t.empty_list()}</p> })}
            <ol class="items">{items}</ol>
            <FormError error=last_error(actions.save_area.value()) />
            <ActionForm action=actions.add_area attr:class="add-form area" attr:autocomplete="off">
                {keys.fields()}
                <label for="new-area-name">{t.add_area()}</label>
                <input id="new-area-name" name="name" required maxlength=Name::MAX_CHARS />
                <label for="new-area-category">{t.category()}</label>
                <select id="new-area-category" name="category">{new_options}</select>
                <label for="new-area-description">{t.description_label()}</label>
                <input id="new-area-description" name="description" maxlength=Description::MAX_CHARS />
                <button type="submit" id="new-area-add">{t.add_area()}</button>
            </ActionForm>
            <FormError error=last_error(actions.add_area.value()) />
            <ActionForm action=actions.add_areas attr:class="add-form bulk" attr:autocomplete="off">
                {keys.fields()}
                <label for="new-areas">{t.bulk_areas_label()}</label>
                <textarea id="new-areas" name="lines" rows="4" required></textarea>
                <button type="submit" id="new-areas-add">{t.add_areas()}</button>
            </ActionForm>
            <FormError error=last_error(actions.add_areas.value()) />
        </section>
    }
    .into_any()
}

#[component]
fn Groups(workshop: Workshop, keys: Credentials, actions: Actions, usage: Option<Usage>) -> impl IntoView {
    let t = use_texts();
    let empty = workshop.groups.is_empty();
    let items = workshop
        .groups
        .into_iter()
        .map(|group| {
            let id = format!("group-{}-name", group.id);
            let tags_id = format!("group-{}-tags", group.id);
            let label = group.name.clone();
            let tags: Vec<String> = group.tags.iter().map(|tag| format!("{}: {}", tag.dimension, tag.value)).collect();
            view! {
                <li class="item line">
                    <ActionForm action=actions.update_group attr:class="item-form">
                        {keys.fields()}
                        <input type="hidden" name="id" value=group.id.0 />
                        <label for=id.clone() class="visually-hidden">{t.name_label()}</label>
                        <input id=id name="name" required maxlength=Name::MAX_CHARS value=group.name.clone() />
                        <details class="describe">
                            <summary>{t.tags_label()}</summary>
                            <label for=tags_id.clone() class="visually-hidden">{t.tags_label()}</label>
                            <textarea id=tags_id name="tags" rows="2" placeholder=t.tags_help()>{tags.join("\n")}</textarea>
                        </details>
                        <button type="submit" id=format!("group-{}-save", group.id)>{t.save()}</button>
                    </ActionForm>
                    <div class="controls">
                        <RemoveControl keys actions list=ListKind::Groups id=group.id.0 label usage=usage.clone() />
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="groups-heading">
            <h2 id="groups-heading">{t.groups_heading()}</h2>
            {empty.then(|| view! { <p class="hint">{t.empty_list()}</p> })}
            <ol class="items">{items}</ol>
            <FormError error=last_error(actions.update_group.value()) />
            <ActionForm action=actions.add_groups attr:class="add-form groups" attr:autocomplete="off">
                {keys.fields()}
                <label for="group-count">{t.groups_count_label()}</label>
                <input id="group-count" name="count" type="number" min="1" max="100" value="9" inputmode="numeric" />
                <label for="group-names">{t.groups_names_label()}</label>
                <textarea id="group-names" name="names" rows="3"></textarea>
                <button type="submit" id="new-groups-add">{t.add_groups()}</button>
            </ActionForm>
            <FormError error=last_error(actions.add_groups.value()) />
        </section>
    }
    .into_any()
}
