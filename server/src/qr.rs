//! QR codes of join links, for the big screen.

use qrcode::QrCode;
use qrcode::render::svg;

/// `text` as a QR code in an SVG document; `None` if it is too long for one.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(320, 320)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_join_link_becomes_an_svg_document() {
        let svg = super::svg("https://kvadrant.example/w/ABC234").expect("a short link fits");
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
        assert!(super::svg(&"x".repeat(10_000)).is_none());
    }
}
