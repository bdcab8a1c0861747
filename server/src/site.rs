//! The site's built files (styles, scripts, WASM chunks, the icon), held in memory from the
//! start: taken from the binary itself (built with the `embedded-site` feature), or read once from
//! a folder (`--site-root`). They are answered before any page or the database is touched.
//!
//! Scripts, WASM and styles are served under `/pkg/<build>/…`, `<build>` being a digest of all of
//! them: an address names the same bytes for ever, so browsers keep them for a year without
//! asking (`immutable`), and after an upgrade no page can load an old script with a new one. A
//! digest of the whole folder rather than cargo-leptos's hashed file names, because Leptos reads
//! those names from a file beside the executable, on every page it renders.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use flate2::Compression;
use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;

/// The folder of built files within the site, and the path they are served under.
const FOLDER: &str = "pkg";
/// Files under a build's address never change: a year, the longest HTTP caches keep anything.
const LASTING: &str = "public, max-age=31536000, immutable";
/// Files outside it (the icon) keep their address across builds: asked again every time.
const REVALIDATED: &str = "no-cache";

/// Where the site's files come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A folder `cargo leptos build` wrote (`target/site`).
    Folder(PathBuf),
    /// The files built into this binary.
    Embedded,
}

impl Source {
    /// The folder if one is named, else the binary's own files, else (a build without them)
    /// the folder `cargo leptos build` writes.
    pub fn from_setting(folder: Option<PathBuf>) -> Source {
        match folder {
            Some(folder) => Source::Folder(folder),
            None if embedded::PRESENT => Source::Embedded,
            None => Source::Folder(PathBuf::from("target/site")),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("cannot read the site's files in {folder}: {cause}")]
pub struct SiteError {
    folder: String,
    cause: std::io::Error,
}

pub struct Site {
    /// `pkg/<build>`: where the pages find scripts, WASM and styles.
    pkg_dir: String,
    /// Every file by the path it is requested at.
    files: HashMap<String, SiteFile>,
}

struct SiteFile {
    bytes: Bytes,
    content_type: &'static str,
    etag: String,
    cache_control: &'static str,
    /// Compressed at the best level when first asked for, then kept.
    gzipped: OnceCell<Bytes>,
}

impl Site {
    pub fn load(source: &Source) -> Result<Arc<Site>, SiteError> {
        let files = match source {
            Source::Embedded => embedded::files(),
            Source::Folder(folder) => {
                read_folder(folder).map_err(|cause| SiteError { folder: folder.display().to_string(), cause })?
            }
        };
        if files.iter().any(|(name, _)| built(name).is_some()) {
            tracing::info!(?source, "serving the site");
        } else {
            tracing::warn!(?source, "the site has no scripts or WASM: pages will not become interactive");
        }
        Ok(Arc::new(Site::from_files(files)))
    }

    /// The site of these files, each named by its path in the site (`pkg/kvadrant.js`).
    fn from_files(mut files: Vec<(String, Bytes)>) -> Site {
        files.sort_by(|(one, _), (other, _)| one.cmp(other));
        let digests: Vec<[u8; 32]> = files.iter().map(|(_, bytes)| Sha256::digest(bytes).into()).collect();
        let mut build = Sha256::new();
        for ((name, _), digest) in files.iter().zip(&digests) {
            if built(name).is_some() {
                build.update(name.as_bytes());
                build.update([0]);
                build.update(digest);
            }
        }
        let build = hex::encode(&build.finalize()[..8]);
        let pkg_dir = format!("{FOLDER}/{build}");
        let files = files
            .into_iter()
            .zip(digests)
            .filter_map(|((name, bytes), digest)| {
                let (path, cache_control) = match built(&name) {
                    Some(file) => (format!("/{pkg_dir}/{file}"), LASTING),
                    None => (format!("/{name}"), REVALIDATED),
                };
                let file = SiteFile {
                    bytes,
                    content_type: content_type(&name)?,
                    etag: format!("\"{}\"", hex::encode(&digest[..12])),
                    cache_control,
                    gzipped: OnceCell::new(),
                };
                Some((path, file))
            })
            .collect();
        Site { pkg_dir, files }
    }

    /// `pkg/<build>`, for Leptos's options: the pages' scripts and styles are named under it.
    pub fn pkg_dir(&self) -> &str {
        &self.pkg_dir
    }
}

/// The name within the folder of built files, for a file in it (`pkg/kvadrant.js`).
fn built(name: &str) -> Option<&str> {
    name.strip_prefix(FOLDER)?.strip_prefix('/')
}

/// Answers a request for one of the site's files, and one for any other file under `/pkg/`
/// with 404; passes every other request on.
pub async fn serve(State(site): State<Arc<Site>>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    match site.files.get(path) {
        Some(file) => file.answer(request.headers()).await,
        None if path.strip_prefix('/').and_then(built).is_some() => StatusCode::NOT_FOUND.into_response(),
        None => next.run(request).await,
    }
}

impl SiteFile {
    async fn answer(&self, asked: &HeaderMap) -> Response {
        let gzip = accepts_gzip(asked);
        let etag = if gzip { format!("{}-gz\"", self.etag.trim_end_matches('"')) } else { self.etag.clone() };
        let mut headers = HeaderMap::new();
        headers.insert(header::ETAG, header_value(&etag));
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(self.cache_control));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if names_any(asked, &etag) {
            return (StatusCode::NOT_MODIFIED, headers).into_response();
        }
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(self.content_type));
        if !gzip {
            return (headers, Body::from(self.bytes.clone())).into_response();
        }
        match self.gzipped.get_or_try_init(|| compress(self.bytes.clone())).await {
            Ok(gzipped) => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                (headers, Body::from(gzipped.clone())).into_response()
            }
            Err(cause) => {
                tracing::error!(%cause, "compressing a site file");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    }
}

/// The type of a file the site may hold, by its extension; a file of any other kind (the
/// bindings' TypeScript declarations) is not served.
fn content_type(name: &str) -> Option<&'static str> {
    Some(match Path::new(name).extension()?.to_str()? {
        "wasm" => "application/wasm",
        "js" => "text/javascript",
        "css" => "text/css",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        _ => return None,
    })
}

/// Every file under `folder`, named by its path in it with `/` between the parts; none when
/// there is no such folder (a server that only answers the API needs no built site).
fn read_folder(folder: &Path) -> std::io::Result<Vec<(String, Bytes)>> {
    let mut files = Vec::new();
    let mut pending = vec![(folder.to_owned(), String::new())];
    while let Some((directory, prefix)) = pending.pop() {
        let entries = match std::fs::read_dir(&directory) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && prefix.is_empty() => return Ok(files),
            entries => entries?,
        };
        for entry in entries {
            let entry = entry?;
            let Ok(name) = entry.file_name().into_string() else { continue };
            let name = format!("{prefix}{name}");
            if entry.file_type()?.is_dir() {
                pending.push((entry.path(), format!("{name}/")));
            } else {
                files.push((name, Bytes::from(std::fs::read(entry.path())?)));
            }
        }
    }
    Ok(files)
}

/// Whether the request's `Accept-Encoding` takes gzip (and does not refuse it with `q=0`).
pub(crate) fn accepts_gzip(headers: &HeaderMap) -> bool {
    let offers = headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|value| value.to_str().ok());
    offers.flat_map(|value| value.split(',')).any(|offer| {
        let mut parts = offer.split(';').map(str::trim);
        parts.next().is_some_and(|coding| coding.eq_ignore_ascii_case("gzip"))
            && parts
                .all(|parameter| parameter.strip_prefix("q=").is_none_or(|q| q.parse::<f32>().is_ok_and(|q| q > 0.0)))
    })
}

/// Whether `If-None-Match` names `etag` (or `*`): the client has this very file.
fn names_any(headers: &HeaderMap, etag: &str) -> bool {
    let named = headers.get_all(header::IF_NONE_MATCH).iter().filter_map(|value| value.to_str().ok());
    named
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == etag)
}

async fn compress(bytes: Bytes) -> std::io::Result<Bytes> {
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

#[cfg(feature = "embedded-site")]
mod embedded {
    use axum::body::Bytes;

    include!(concat!(env!("OUT_DIR"), "/embedded_site.rs"));

    pub const PRESENT: bool = true;

    pub fn files() -> Vec<(String, Bytes)> {
        EmbeddedSite::iter()
            .filter_map(|name| {
                let bytes = match EmbeddedSite::get(&name)?.data {
                    std::borrow::Cow::Borrowed(bytes) => Bytes::from_static(bytes),
                    std::borrow::Cow::Owned(bytes) => Bytes::from(bytes),
                };
                Some((name.into_owned(), bytes))
            })
            .collect()
    }
}

#[cfg(not(feature = "embedded-site"))]
mod embedded {
    use axum::body::Bytes;

    pub const PRESENT: bool = false;

    pub fn files() -> Vec<(String, Bytes)> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> Site {
        Site::from_files(files.iter().map(|(name, text)| (name.to_string(), Bytes::from(text.to_string()))).collect())
    }

    #[test]
    fn the_build_address_changes_with_any_built_file_and_only_then() {
        let one = site(&[("pkg/kvadrant.js", "a"), ("pkg/kvadrant.wasm", "b"), ("favicon.svg", "<svg/>")]);
        let same = site(&[("favicon.svg", "<svg/>"), ("pkg/kvadrant.wasm", "b"), ("pkg/kvadrant.js", "a")]);
        let new_icon = site(&[("pkg/kvadrant.js", "a"), ("pkg/kvadrant.wasm", "b"), ("favicon.svg", "<svg />")]);
        let new_wasm = site(&[("pkg/kvadrant.js", "a"), ("pkg/kvadrant.wasm", "c"), ("favicon.svg", "<svg/>")]);
        let renamed = site(&[("pkg/kvadrant.js", "a"), ("pkg/chunk.wasm", "b"), ("favicon.svg", "<svg/>")]);
        assert_eq!(one.pkg_dir(), same.pkg_dir());
        assert_eq!(one.pkg_dir(), new_icon.pkg_dir(), "the icon is not under the build's address");
        assert_ne!(one.pkg_dir(), new_wasm.pkg_dir());
        assert_ne!(one.pkg_dir(), renamed.pkg_dir());
        assert!(one.pkg_dir().starts_with("pkg/") && one.pkg_dir().len() == "pkg/".len() + 16);
    }

    #[test]
    fn built_files_are_found_under_the_build_icons_at_the_root() {
        let site = site(&[("pkg/kvadrant.js", "a"), ("pkg/kvadrant.d.ts", "n"), ("favicon.svg", "<svg/>")]);
        let script = &site.files[&format!("/{}/kvadrant.js", site.pkg_dir())];
        assert_eq!((script.content_type, script.cache_control), ("text/javascript", LASTING));
        assert_eq!(site.files["/favicon.svg"].cache_control, REVALIDATED);
        assert_eq!(site.files.len(), 2, "a file of no type the site serves is left out");
    }

    #[test]
    fn a_client_that_has_the_file_is_told_so() {
        let sent = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::IF_NONE_MATCH, HeaderValue::from_str(value).unwrap());
            names_any(&headers, "\"a1-gz\"")
        };
        assert!(sent("\"a1-gz\""));
        assert!(sent("\"old\", W/\"a1-gz\""));
        assert!(sent("*"));
        assert!(!sent("\"a1\""));
        assert!(!names_any(&HeaderMap::new(), "\"a1-gz\""));
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
