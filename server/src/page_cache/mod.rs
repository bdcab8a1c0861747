//! The public results page, rendered once per workshop version. After a Wi-Fi drop hundreds of
//! phones reload it at once, and each would render the same matrix and ranked list again: what
//! a reader sees there depends only on the workshop's version, the address (segments, view,
//! round), the language the visitor chose and the day it is printed on. So the first reader of
//! a version renders it and the others get the same bytes, with one thing made anew per answer:
//! the nonce its scripts carry, which the security headers draw for every response (see
//! `headers`). Every change bumps the version, so a page kept is never older than the version
//! read before it was rendered.

use std::io;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use kvadrant::WorkshopId;
use leptos::nonce::Nonce;

use crate::error::ApiError;
use crate::service::Service;
use crate::site;

mod spliced;

use spliced::Spliced;

/// How many bytes of pages are kept at most: a few hundred results pages of a dozen areas, a
/// few dozen of two hundred.
const KEPT_BYTES: u64 = 32 * 1024 * 1024;
/// A page no larger than this is kept; a larger one is rendered for each reader.
const LARGEST_KEPT: usize = 4 * 1024 * 1024;

/// What makes two requests' pages the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PageKey {
    workshop: WorkshopId,
    version: i64,
    path_and_query: String,
    /// The visitor's chosen language; without one, the workshop's, which its version fixes.
    chosen_language: Option<&'static str>,
    /// Days since 1970 (UTC): the printed report carries the date.
    day: u64,
}

/// A page as rendered, cut where its nonce stood.
struct Rendered {
    status: StatusCode,
    headers: HeaderMap,
    page: Spliced,
}

impl Rendered {
    /// The page again, with `nonce` where the rendered one stood, gzipped if the reader takes it.
    fn answer(&self, nonce: &str, gzip: bool) -> Response {
        let mut headers = self.headers.clone();
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        let body = if gzip {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            self.page.gzip(nonce)
        } else {
            self.page.plain(nonce)
        };
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = self.status;
        *response.headers_mut() = headers;
        response
    }
}

#[derive(Clone)]
struct ByLength;

impl quick_cache::Weighter<PageKey, Arc<Rendered>> for ByLength {
    fn weight(&self, _: &PageKey, page: &Arc<Rendered>) -> u64 {
        page.page.weight() as u64 + 1
    }
}

/// Results pages kept, by [`PageKey`].
pub struct PageCache {
    kept: quick_cache::sync::Cache<PageKey, Arc<Rendered>, ByLength>,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache { kept: quick_cache::sync::Cache::with_weighter(1024, KEPT_BYTES, ByLength) }
    }
}

/// Answers a public results page from what is kept for the workshop's version, rendering it
/// (once, however many ask at the same time) when nothing is.
pub async fn results_page(
    State((service, pages)): State<(Arc<Service>, Arc<PageCache>)>,
    request: Request,
    next: Next,
) -> Response {
    let nonce = request.extensions().get::<Nonce>().map(ToString::to_string);
    let code = crate::paths::public_results(request.method(), request.uri().path());
    let (Some(nonce), Some(code)) = (nonce, code) else {
        return next.run(request).await;
    };
    let Ok(record) = service.record(code).await else {
        // An unknown code is the page's to answer (and the limits' to count).
        return next.run(request).await;
    };
    let gzip = site::accepts_gzip(request.headers());
    let key = PageKey {
        workshop: record.id,
        version: record.version,
        path_and_query: request.uri().path_and_query().map(ToString::to_string).unwrap_or_default(),
        chosen_language: kvadrant_api::lang::chosen(request.headers()).map(|lang| lang.code()),
        day: today(),
    };
    let rendered = pages.kept.get_or_insert_async(&key, render(next, request, &nonce)).await;
    match rendered {
        Ok(page) => page.answer(&nonce, gzip),
        Err(NotKept(response)) => response,
    }
}

/// A page answered but not kept: a failure, a page that sets a cookie, or one too large.
struct NotKept(Response);

async fn render(next: Next, request: Request, nonce: &str) -> Result<Arc<Rendered>, NotKept> {
    let response = next.run(request).await;
    if !response.status().is_success() || response.headers().contains_key(header::SET_COOKIE) {
        return Err(NotKept(response));
    }
    let (parts, body) = response.into_parts();
    // The renderer's own page, whose size the workshop's limits bound.
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return Err(NotKept(ApiError::from(kvadrant::Error::Internal).into_response()));
    };
    if body.len() > LARGEST_KEPT {
        return Err(NotKept(Response::from_parts(parts, Body::from(body))));
    }
    let nonce = nonce.to_owned();
    let page = tokio::task::spawn_blocking(move || Spliced::cut(&body, &nonce)).await.map_err(io::Error::other);
    match page.and_then(|page| page) {
        Ok(page) => {
            let mut headers = parts.headers;
            headers.remove(header::CONTENT_LENGTH);
            Ok(Arc::new(Rendered { status: parts.status, headers, page }))
        }
        Err(cause) => {
            tracing::error!(%cause, "compressing a results page");
            Err(NotKept(ApiError::from(kvadrant::Error::Internal).into_response()))
        }
    }
}

fn today() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|elapsed| elapsed.as_secs() / 86_400).unwrap_or_default()
}
