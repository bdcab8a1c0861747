use kvadrant::{Aggregate, AxisLabel, CertaintySettings, Scale};
use leptos::prelude::*;

use super::{Actions, Credentials};
use crate::i18n::{Lang, use_texts};
use crate::model::Settings;
use crate::ui::{FormError, last_error};

/// The scale, what the axes are called, where the matrix is divided, how the certainty of the
/// ranking is read, and the workshop's language.
#[component]
pub fn SettingsForm(settings: Settings, keys: Credentials, actions: Actions) -> impl IntoView {
    let t = use_texts();
    // A midline at the scale's centre is shown empty, so it follows the scale if that changes.
    let centre = kvadrant::Midline::centre(settings.scale()).value();
    let midline = move |value: f64| match value {
        value if value == centre => String::new(),
        value if value.fract() == 0.0 => t.number(value, 0),
        value => t.number(value, 1),
    };
    let language = settings.language;
    let certainty = settings.certainty.clone();
    let aggregates = [Aggregate::Mean, Aggregate::Median].map(|aggregate| {
        view! {
            <option value=aggregate.as_str() selected=aggregate == settings.aggregate>{t.aggregate_name(aggregate)}</option>
        }
    });
    let top_places = certainty.top_places.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    let languages = Lang::ALL.map(|lang| {
        view! { <option value=lang.code() selected=lang == language>{lang.name()}</option> }
    });
    view! {
        <section class="card settings">
            <h2>{t.settings_heading()}</h2>
            <ActionForm action=actions.settings attr:class="settings-form">
                {keys.fields()}
                <fieldset>
                    <legend>{t.scale_help()}</legend>
                    <div class="field">
                        <label for="scale-min">{t.scale_min_label()}</label>
                        <input id="scale-min" name="settings[scale_min]" type="number" min=*Scale::MINS.start() max=*Scale::MINS.end() required inputmode="numeric"
                            value=settings.scale_min />
                    </div>
                    <div class="field">
                        <label for="scale-max">{t.scale_max_label()}</label>
                        <input id="scale-max" name="settings[scale_max]" type="number" min=*Scale::MAXES.start() max=*Scale::MAXES.end() required inputmode="numeric"
                            value=settings.scale_max />
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{t.axis_name_help()}</legend>
                    <div class="field">
                        <label for="potential-label">{t.potential_name_label()}</label>
                        <input id="potential-label" name="settings[potential_label]" maxlength=AxisLabel::MAX_CHARS value=settings.potential_label.clone() />
                    </div>
                    <div class="field">
                        <label for="feasibility-label">{t.feasibility_name_label()}</label>
                        <input id="feasibility-label" name="settings[feasibility_label]" maxlength=AxisLabel::MAX_CHARS value=settings.feasibility_label.clone() />
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{t.midline_help()}</legend>
                    <div class="field">
                        <label for="potential-midline">{t.potential_midline_label()}</label>
                        <input id="potential-midline" name="settings[potential_midline]" inputmode="decimal" size="4"
                            value=midline(settings.potential_midline) />
                    </div>
                    <div class="field">
                        <label for="feasibility-midline">{t.feasibility_midline_label()}</label>
                        <input id="feasibility-midline" name="settings[feasibility_midline]" inputmode="decimal" size="4"
                            value=midline(settings.feasibility_midline) />
                    </div>
                </fieldset>
                <div class="field">
                    <label for="aggregate">{t.aggregate_label()}</label>
                    <select id="aggregate" name="settings[aggregate]">{aggregates}</select>
                </div>
                <fieldset>
                    <legend>{t.certainty_help()}</legend>
                    <div class="field">
                        <label for="dissent-percent">{t.dissent_percent_label()}</label>
                        <input id="dissent-percent" name="settings[dissent_percent]" type="number" required inputmode="numeric"
                            min=*CertaintySettings::DISSENT_PERCENTS.start() max=*CertaintySettings::DISSENT_PERCENTS.end()
                            value=certainty.dissent_percent />
                    </div>
                    <div class="field">
                        <label for="top-places">{t.top_places_label()}</label>
                        <input id="top-places" name="settings[top_places]" required size="8" value=top_places />
                    </div>
                    <div class="field">
                        <label for="min-segment-groups">{t.min_segment_label()}</label>
                        <input id="min-segment-groups" name="settings[min_segment_groups]" type="number" required inputmode="numeric"
                            min=*CertaintySettings::MIN_SEGMENT_GROUPS.start() max=*CertaintySettings::MIN_SEGMENT_GROUPS.end()
                            value=certainty.min_segment_groups />
                    </div>
                </fieldset>
                <div class="field">
                    <label for="language">{t.language_label()}</label>
                    <select id="language" name="settings[language]">{languages}</select>
                </div>
                <button type="submit" id="settings-save">{t.save()}</button>
            </ActionForm>
            <FormError error=last_error(actions.settings.value()) />
        </section>
    }
}
