//! The matrix as a picture: SVG as the pages draw it, PNG at print resolution.

use std::sync::{Arc, OnceLock};

use kvadrant_api::model::Results;
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

#[cfg(test)]
mod tests {
    use kvadrant::{AreaId, AxisStats, CategoryId, Quadrant};
    use kvadrant_api::model::{Area, Category, EarlierPlace, RankedArea, Segment, Settings, Standings, Workshop};

    use super::*;

    fn results() -> Results {
        let workshop = Workshop {
            code: "ABC234".into(),
            title: "Prioritering & valg".into(),
            description: String::new(),
            scoring_open: false,
            results_hidden: false,
            demo: false,
            settings: Settings { potential_label: "Nytte <for> innbyggerne".into(), ..Settings::default() },
            categories: vec![Category { id: CategoryId(1), name: "Helse".into(), description: String::new() }],
            areas: vec![Area { id: AreaId(1), name: "Jordmor".into(), description: String::new(), category_id: None }],
            groups: Vec::new(),
            round: 2,
            deleted_on: None,
        };
        let stats = AxisStats { mean: 7.5, median: 7.5, sd: None, min: 7, max: 8 };
        let standings = Standings {
            agreement: Default::default(),
            bands_behind: false,
            certainty_omitted: false,
            ranked: vec![RankedArea {
                rank: 1,
                area_id: AreaId(1),
                area: "Jordmor".into(),
                category: Some("Helse".into()),
                category_index: Some(0),
                groups: 2,
                potential: stats,
                feasibility: stats,
                combined: 56.25,
                quadrant: Quadrant::HighPotentialEasy,
                certainty: Default::default(),
                official_rank: None,
                earlier: vec![EarlierPlace { round: 1, rank: 1, potential: 5.0, feasibility: 4.0, combined: 20.0 }],
            }],
            unscored: Vec::new(),
            comments: Vec::new(),
            raised: Vec::new(),
        };
        Results::new(workshop, Segment { tag: None, groups: 2 }, Default::default(), 2, standings)
    }

    #[test]
    fn the_svg_is_a_standalone_document_with_the_workshops_axis_names() {
        let svg = matrix_svg(&results());
        assert!(svg.starts_with("<?xml"));
        assert!(svg.contains("Nytte &lt;for&gt; innbyggerne"), "{svg}");
        // The area moved since round 1: an arrow from (4, 5) in round 1 to where it is now.
        assert!(svg.contains(r#"class="moves""#) && svg.contains(r#"marker-end="url(#arrow)""#), "{svg}");
        let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("valid SVG");
        assert_eq!(tree.size().width(), 720.0);
    }

    #[test]
    fn the_png_is_print_width() {
        let png = png(&matrix_svg(&results())).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!(width, 2126);
        assert_eq!(height, 1949);
    }
}
