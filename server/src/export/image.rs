//! The matrix as a picture: SVG as the pages draw it, PNG at print resolution.

use std::sync::{Arc, OnceLock};

use kvadrant_app::model::Results;
use resvg::{tiny_skia, usvg};

/// 300 dots per inch over 18 cm, about the text width of an A4 page: 2126 pixels wide.
const PRINT_WIDTH_PX: f32 = 18.0 / 2.54 * 300.0;

pub fn matrix_svg(results: &Results) -> String {
    kvadrant_app::matrix_svg(results)
}

#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("the drawing is not valid SVG: {0}")]
    Svg(#[from] usvg::Error),
    #[error("the image would be empty")]
    Empty,
    #[error("encoding PNG: {0}")]
    Png(String),
}

/// The system's fonts, read once: finding them takes longer than drawing.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut fonts = usvg::fontdb::Database::new();
            fonts.load_system_fonts();
            Arc::new(fonts)
        })
        .clone()
}

/// Renders an SVG document to PNG, scaled to print width.
pub fn png(svg: &str) -> Result<Vec<u8>, ImageError> {
    let options = usvg::Options { fontdb: fonts(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options)?;
    let zoom = PRINT_WIDTH_PX / tree.size().width();
    let size = tree.size().to_int_size().scale_by(zoom).ok_or(ImageError::Empty)?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or(ImageError::Empty)?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(zoom, zoom), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|error| ImageError::Png(error.to_string()))
}
