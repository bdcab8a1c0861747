//! WCAG 2.1's contrast ratio, and the stylesheet's colours checked with it: focus rings and the
//! edges of fields stand out (3:1, success criterion 1.4.11) on every background they are drawn on.

/// The contrast ratio of two colours written `#rrggbb` or `#rgb`.
pub fn contrast(a: &str, b: &str) -> f64 {
    let luminance = |colour: &str| {
        let hex = colour.trim_start_matches('#');
        let hex: String = if hex.len() == 3 { hex.chars().flat_map(|c| [c, c]).collect() } else { hex.to_owned() };
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

const STYLES: &str = include_str!("../../../style/main.css");

/// The first `#colour` after `start` in the stylesheet.
fn colour_after(start: &str) -> &'static str {
    let from = STYLES.find(start).unwrap_or_else(|| panic!("the stylesheet has {start:?}")) + start.len();
    let hash = from + STYLES[from..].find('#').expect("a colour follows");
    let end = hash + 1 + STYLES[hash + 1..].find(|c: char| !c.is_ascii_hexdigit()).unwrap();
    &STYLES[hash..end]
}

#[test]
fn the_contrast_ratio_is_wcags() {
    assert!((contrast("#ffffff", "#000000") - 21.0).abs() < 1e-9);
    assert!((contrast("#777", "#ffffff") - 4.48).abs() < 0.01);
}

/// Whether `what`, drawn in the colour after `drawn` in the stylesheet, reads at 3:1 on each of
/// the backgrounds named by the custom properties `on`.
fn assert_stands_out(what: &str, drawn: &str, on: &[&str]) {
    for background in on {
        let ratio = contrast(colour_after(drawn), colour_after(&format!("--{background}:")));
        assert!(ratio >= 3.0, "{what} on {background}: {ratio:.2}:1");
    }
}

#[test]
fn focus_rings_and_fields_edges_stand_out_on_every_background_they_are_drawn_on() {
    let ring = ":focus-visible { outline:";
    assert_stands_out("the focus ring", ring, &["paper", "wash"]);
    // The header is dark blue: it has a ring of its own, since the page's would not do there.
    assert_stands_out("the header's focus ring", ".site-header :focus-visible { outline-color:", &["accent"]);
    assert!(contrast(colour_after(ring), colour_after("--accent:")) < 3.0);
    let edge = "input, textarea, select { padding: 0.45rem 0.5rem; border: 1px solid";
    assert_stands_out("a field's edge", edge, &["paper", "wash"]);
}
