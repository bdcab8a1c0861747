//! QR codes of join links, for the big screen.

use qrcode::QrCode;
use qrcode::render::svg;

/// `text` as a QR code in an `<svg>` element, to put inside a page; `None` if it is too long
/// for one.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    let document = code
        .render::<svg::Color<'_>>()
        .min_dimensions(320, 320)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build();
    // An XML declaration belongs at the start of a document, not inside an HTML page.
    document.find("<svg").map(|start| document[start..].to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_join_link_becomes_an_svg_document() {
        let svg = super::svg("https://kvadrant.example/w/ABC234").expect("a short link fits");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{svg}");
        assert!(super::svg(&"x".repeat(10_000)).is_none());
    }
}
