//! Each group's own link: who has joined, a new link or a release when one goes astray, the
//! facilitator filling in for a group, and cards to print.

use leptos::prelude::*;

use super::{Actions, Credentials};
use crate::actions::load_group_links;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::model::{GroupLink, Workshop, sheet_path};
use crate::ui::{ErrorNote, FormError, Loading, last_error};

pub(super) type Links = Resource<Result<Vec<GroupLink>, AppError>>;

/// Every group's link, read again after each change here.
pub(super) fn load(keys: Credentials, actions: Actions) -> Links {
    Resource::new(
        move || (keys.code.get_value(), keys.secret.get_value(), actions.changes()),
        |(code, secret, _)| load_group_links(code, secret),
    )
}

#[component]
pub fn GroupLinks(workshop: Workshop, keys: Credentials, actions: Actions, links: Links) -> impl IntoView {
    let t = use_texts();
    let cards = format!("/w/{}/manage/{}/cards", keys.code.get_value(), keys.secret.get_value());
    view! {
        <section class="card group-links" aria-labelledby="group-links-heading">
            <h2 id="group-links-heading">{t.group_links_heading()}</h2>
            <p class="hint">{t.group_links_help()}</p>
            <p><a href=cards target="_blank">{t.print_group_cards()}</a></p>
            <Transition fallback=Loading>
                {move || {
                    let workshop = workshop.clone();
                    Suspend::new(async move {
                        let links = match links.await {
                            Ok(links) => links,
                            Err(error) => return view! { <ErrorNote error /> }.into_any(),
                        };
                        let rows = links
                            .into_iter()
                            .filter_map(|link| {
                                let group = workshop.group(link.group_id)?.clone();
                                let on_behalf = sheet_path(&workshop.code, group.id, &keys.secret.get_value());
                                let renew = |release: bool, label: &'static str, group: i64, aria: String| view! {
                                    <ActionForm action=actions.renew_group_link>
                                        {keys.fields()}
                                        <input type="hidden" name="group" value=group />
                                        <input type="hidden" name="release" value=release.to_string() />
                                        <button type="submit" aria-label=aria>{label}</button>
                                    </ActionForm>
                                };
                                Some(view! {
                                    <tr>
                                        <th scope="row">{group.name.clone()}</th>
                                        <td>{if link.joined { t.group_joined() } else { t.group_not_joined() }}</td>
                                        <td><a class="group-link-path" href=link.path.clone()>{link.path.clone()}</a></td>
                                        <td><a href=on_behalf>{t.fill_in_for_group()}</a></td>
                                        <td>
                                            {renew(false, t.renew_group_link(), group.id.0, format!("{}: {}", t.renew_group_link(), group.name))}
                                            {renew(true, t.release_group(), group.id.0, format!("{}: {}", t.release_group(), group.name))}
                                        </td>
                                    </tr>
                                })
                            })
                            .collect_view();
                        view! { <div class="table-wrap" tabindex="0" role="region" aria-label=t.group_links_heading()><table class="group-links-table"><tbody>{rows}</tbody></table></div> }
                            .into_any()
                    })
                }}
            </Transition>
            <FormError error=last_error(actions.renew_group_link.value()) />
        </section>
    }
}
