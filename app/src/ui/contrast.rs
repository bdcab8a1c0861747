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

#[test]
fn focus_rings_stand_out_on_every_background_they_are_drawn_on() {
    let ring = colour_after(":focus-visible { outline:");
    for background in ["--paper:", "--wash:"] {
        let ratio = contrast(ring, colour_after(background));
        assert!(ratio >= 3.0, "the focus ring on {background} {ratio:.2}:1");
    }
    // The header is dark blue: its own ring.
    let header_ring = colour_after(".site-header :focus-visible { outline-color:");
    let ratio = contrast(header_ring, colour_after("--accent:"));
    assert!(ratio >= 3.0, "the header's focus ring {ratio:.2}:1");
    assert!(contrast(ring, colour_after("--accent:")) < 3.0, "the page's ring would not do in the header");
}

#[test]
fn fields_edges_stand_out_on_every_background() {
    let edge = colour_after("input, textarea, select { padding: 0.45rem 0.5rem; border: 1px solid");
    for background in ["--paper:", "--wash:"] {
        let ratio = contrast(edge, colour_after(background));
        assert!(ratio >= 3.0, "a field's edge on {background} {ratio:.2}:1");
    }
}
