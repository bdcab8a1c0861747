//! The site's scripts, WASM and styles, gzip-compressed once at the best level and kept. Compressed
//! per request, in the chunks a file is streamed in, the participant's path weighed 4.4 KiB more,
//! and every phone reloading after a Wi-Fi drop cost its own compression of the WASM. A file
//! rebuilt while the server runs is compressed again: it is kept by its size and modification time.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use flate2::Compression;
use flate2::write::GzEncoder;

/// The site's folder of built files, and the path they are served under (`/pkg/…`).
pub const FOLDER: &str = "pkg";
/// Files kept compressed: a build's scripts, WASM chunks and styles, with room for a rebuild.
const FILES: usize = 256;

/// One version of one file: its path, size and modification time.
type Version = (PathBuf, u64, SystemTime);

pub struct CompressedAssets {
    folder: PathBuf,
    kept: quick_cache::sync::Cache<Version, Bytes>,
}

impl CompressedAssets {
    /// The files under `folder`, which the site's `/pkg/…` paths name.
    pub fn new(folder: PathBuf) -> Arc<CompressedAssets> {
        Arc::new(CompressedAssets { folder, kept: quick_cache::sync::Cache::new(FILES) })
    }
}

/// Answers a request for a script, WASM or stylesheet from a client that takes gzip with the
/// kept compressed file; passes every other request on.
pub async fn compressed(State(assets): State<Arc<CompressedAssets>>, request: Request, next: Next) -> Response {
    let Some((path, content_type)) = asset(&assets.folder, request.uri().path()) else {
        return next.run(request).await;
    };
    if !accepts_gzip(request.headers()) {
        return next.run(request).await;
    }
    let Ok(metadata) = tokio::fs::metadata(&path).await else {
        return next.run(request).await;
    };
    let modified = metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH);
    let nanos = modified.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |since| since.as_nanos());
    let etag = format!("\"{:x}-{nanos:x}-gz\"", metadata.len());
    let vary = (header::VARY, HeaderValue::from_static("accept-encoding"));
    if matches_any(request.headers(), &etag) {
        return (StatusCode::NOT_MODIFIED, [vary, (header::ETAG, header_value(&etag))]).into_response();
    }
    let version = (path.clone(), metadata.len(), modified);
    let compressed = assets.kept.get_or_insert_async(&version, compress(path)).await;
    match compressed {
        Ok(bytes) => {
            // A built file names when it was built, as the plain file server does: browsers
            // then keep it a while without asking again.
            let headers = [
                (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
                (header::CONTENT_ENCODING, HeaderValue::from_static("gzip")),
                (header::ETAG, header_value(&etag)),
                (header::LAST_MODIFIED, header_value(&httpdate::fmt_http_date(modified))),
                vary,
            ];
            (headers, Body::from(bytes)).into_response()
        }
        // Gone or unreadable since its metadata was read: the plain file server says so.
        Err(_) => next.run(request).await,
    }
}

/// The file a request path names under `folder`, and its type, if it is a script, WASM or
/// stylesheet inside the folder.
fn asset(folder: &Path, request_path: &str) -> Option<(PathBuf, &'static str)> {
    let name = Path::new(request_path.strip_prefix('/')?.strip_prefix(FOLDER)?.strip_prefix('/')?);
    if !name.components().all(|part| matches!(part, Component::Normal(_))) {
        return None;
    }
    let content_type = match name.extension()?.to_str()? {
        "wasm" => "application/wasm",
        "js" => "text/javascript",
        "css" => "text/css",
        _ => return None,
    };
    Some((folder.join(name), content_type))
}

/// Whether the request's `Accept-Encoding` takes gzip (and does not refuse it with `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    let offers = headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|value| value.to_str().ok());
    offers.flat_map(|value| value.split(',')).any(|offer| {
        let mut parts = offer.split(';').map(str::trim);
        parts.next().is_some_and(|coding| coding.eq_ignore_ascii_case("gzip"))
            && parts
                .all(|parameter| parameter.strip_prefix("q=").is_none_or(|q| q.parse::<f32>().is_ok_and(|q| q > 0.0)))
    })
}

/// Whether `If-None-Match` names `etag` (or `*`): the client has this very file.
fn matches_any(headers: &HeaderMap, etag: &str) -> bool {
    let named = headers.get_all(header::IF_NONE_MATCH).iter().filter_map(|value| value.to_str().ok());
    named
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == etag)
}

async fn compress(path: PathBuf) -> std::io::Result<Bytes> {
    let bytes = tokio::fs::read(&path).await?;
    tokio::task::spawn_blocking(move || {
        let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::best());
        encoder.write_all(&bytes)?;
        Ok(Bytes::from(encoder.finish()?))
    })
    .await
    .map_err(std::io::Error::other)?
}

fn header_value(text: &str) -> HeaderValue {
    HeaderValue::from_str(text).expect("an entity tag is visible ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_scripts_wasm_and_styles_inside_the_folder_are_served() {
        let folder = Path::new("/site/pkg");
        assert_eq!(asset(folder, "/pkg/kvadrant.wasm"), Some((folder.join("kvadrant.wasm"), "application/wasm")));
        assert_eq!(asset(folder, "/pkg/chunk_1.js").map(|(_, kind)| kind), Some("text/javascript"));
        assert_eq!(asset(folder, "/pkg/kvadrant.css").map(|(_, kind)| kind), Some("text/css"));
        for refused in ["/pkg/../secret.js", "/pkg//etc/x.js", "/pkg/notes.txt", "/favicon.ico", "/pkg/", "/w/x.js"] {
            assert_eq!(asset(folder, refused), None, "{refused}");
        }
    }

    #[test]
    fn a_client_that_has_the_file_is_told_so() {
        let sent = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::IF_NONE_MATCH, HeaderValue::from_str(value).unwrap());
            matches_any(&headers, "\"a1-b2-gz\"")
        };
        assert!(sent("\"a1-b2-gz\""));
        assert!(sent("\"old\", W/\"a1-b2-gz\""));
        assert!(sent("*"));
        assert!(!sent("\"a1-b3-gz\""));
        assert!(!matches_any(&HeaderMap::new(), "\"a1-b2-gz\""));
    }

    #[test]
    fn gzip_is_taken_unless_refused() {
        let accepts = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
            accepts_gzip(&headers)
        };
        assert!(accepts("gzip, deflate, br"));
        assert!(accepts("br;q=1.0, GZIP;q=0.5"));
        assert!(!accepts("gzip;q=0"));
        assert!(!accepts("br, deflate"));
        assert!(!accepts("x-gzip"));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}
