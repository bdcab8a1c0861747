//! A group's rationale, risks and timeframe for one area, folded under the area's scores.

use kvadrant::{AreaId, Note, Timeframe};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::SheetContext;
use crate::actions::SaveComment;
use crate::i18n::use_texts;
use crate::model::{AreaComment, LiveSheet};
use crate::ui::{FormError, last_error, submit_typed};

/// What the form shows. Another member's saved comment replaces it unless this browser has
/// unsaved edits of its own: typing is never overwritten.
#[derive(Clone, Copy)]
struct Fields {
    rationale: RwSignal<String>,
    risks: RwSignal<String>,
    timeframe: RwSignal<String>,
    edited: RwSignal<bool>,
}

impl Fields {
    fn new(comment: Option<&AreaComment>) -> Fields {
        let [rationale, risks, timeframe] = texts(comment).map(RwSignal::new);
        Fields { rationale, risks, timeframe, edited: RwSignal::new(false) }
    }

    fn follow(&self, comment: Option<&AreaComment>) {
        if self.edited.get_untracked() {
            return;
        }
        for (signal, value) in [self.rationale, self.risks, self.timeframe].into_iter().zip(texts(comment)) {
            if signal.get_untracked() != value {
                signal.set(value);
            }
        }
    }
}

/// A comment as the form's three fields hold it; no comment is three empty fields.
fn texts(comment: Option<&AreaComment>) -> [String; 3] {
    match comment {
        None => Default::default(),
        Some(comment) => [
            comment.rationale.clone(),
            comment.risks.clone(),
            comment.timeframe.map(|timeframe| timeframe.as_str().to_owned()).unwrap_or_default(),
        ],
    }
}

#[component]
pub fn CommentForm(
    context: SheetContext,
    area: AreaId,
    area_name: String,
    comment: Option<AreaComment>,
    live: ReadSignal<Option<LiveSheet>>,
) -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<SaveComment>::new();
    let fields = Fields::new(comment.as_ref());
    Effect::new(move || {
        live.with(|sheet| {
            if let Some(sheet) = sheet {
                fields.follow(sheet.comments.iter().find(|c| c.area_id == area));
            }
        });
    });
    Effect::new(move || {
        if matches!(save.value().get(), Some(Ok(_))) {
            fields.edited.set(false);
        }
    });
    let edit = move |signal: RwSignal<String>| {
        move |event| {
            signal.set(event_target_value(&event));
            fields.edited.set(true);
        }
    };
    let submit = submit_typed(save, move || SaveComment {
        code: context.code.get_value(),
        group: context.group,
        key: context.key.get_value(),
        area: area.0,
        rationale: fields.rationale.get_untracked(),
        risks: fields.risks.get_untracked(),
        timeframe: fields.timeframe.get_untracked(),
    });
    let open = context.open;
    let id = format!("comment-{area}");
    let (rationale_id, risks_id, timeframe_id) =
        (format!("{id}-rationale"), format!("{id}-risks"), format!("{id}-timeframe"));
    let (initial_rationale, initial_risks) = (fields.rationale.get_untracked(), fields.risks.get_untracked());
    let timeframes = Timeframe::ALL.map(|timeframe| {
        let value = timeframe.as_str();
        view! { <option value=value selected=move || fields.timeframe.get() == value>{t.timeframe(timeframe)}</option> }
    });
    let has_comment = comment.is_some();
    view! {
        <details class="comment" open=has_comment>
            <summary>{t.comment_summary()}<span class="visually-hidden">": "{area_name}</span></summary>
            // A plain form until the page is interactive; then the fields go out as they are held.
            <form class="comment-form" method="post" action=SaveComment::PATH on:submit=submit>
                {context.hidden_fields()}
                <input type="hidden" name="area" value=area.0 />
                <label for=rationale_id.clone()>{t.rationale()}</label>
                <textarea id=rationale_id name="rationale" rows="2" maxlength=Note::MAX_CHARS disabled=move || !open.get()
                    prop:value=move || fields.rationale.get() on:input=edit(fields.rationale)>{initial_rationale}</textarea>
                <label for=risks_id.clone()>{t.risks()}</label>
                <textarea id=risks_id name="risks" rows="2" maxlength=Note::MAX_CHARS disabled=move || !open.get()
                    prop:value=move || fields.risks.get() on:input=edit(fields.risks)>{initial_risks}</textarea>
                <label for=timeframe_id.clone()>{t.timeframe_label()}</label>
                <select id=timeframe_id name="timeframe" disabled=move || !open.get() on:change=edit(fields.timeframe)>
                    <option value="" selected=move || fields.timeframe.get().is_empty()>{t.no_timeframe()}</option>
                    {timeframes}
                </select>
                <button type="submit" disabled=move || !open.get()>{t.save_comment()}</button>
                <span class="save-state" aria-live="polite">
                    {move || (matches!(save.value().get(), Some(Ok(_))) && !fields.edited.get()).then_some(t.comment_saved())}
                </span>
            </form>
            <FormError error=last_error(save.value()) />
        </details>
    }
}
