//! The date a printed report carries: the reader's local date once scripts run, the server's
//! (UTC) in the page as sent.

use leptos::prelude::*;

use crate::i18n::use_texts;

#[component]
pub fn PrintedOn() -> impl IntoView {
    let t = use_texts();
    // Starts as the page was sent, so hydration finds the same text, then turns local.
    let date = RwSignal::new(utc_today());
    #[cfg(feature = "hydrate")]
    Effect::new(move || {
        let now = js_sys::Date::new_0();
        date.set((now.get_full_year() as i32, now.get_month() + 1, now.get_date()));
    });
    view! { <p class="printed">{move || t.report_date_of(date.get())}</p> }
}

/// Today in UTC as (year, month, day).
#[cfg(feature = "hydrate")]
fn utc_today() -> (i32, u32, u32) {
    let now = js_sys::Date::new_0();
    (now.get_utc_full_year() as i32, now.get_utc_month() + 1, now.get_utc_date())
}

/// Today in UTC as (year, month, day).
#[cfg(not(feature = "hydrate"))]
fn utc_today() -> (i32, u32, u32) {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or_default();
    civil_date(seconds / 86_400)
}

#[cfg(not(feature = "hydrate"))]
/// The Gregorian date `days` after 1970-01-01 (H. Hinnant's days-to-civil algorithm).
fn civil_date(days: u64) -> (i32, u32, u32) {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u32;
    let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(all(test, not(feature = "hydrate")))]
mod tests {
    use super::civil_date;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        assert_eq!(civil_date(20_779), (2026, 11, 22));
        assert_eq!(civil_date(20_819), (2027, 1, 1));
    }
}
