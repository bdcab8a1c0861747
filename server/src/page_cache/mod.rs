//! The public results page, rendered once per workshop version. After a Wi-Fi drop hundreds of
//! phones reload it at once, and each would render the same matrix and ranked list again: what
//! a reader sees there depends only on the workshop's version, the address's choices (segment,
//! comparison, view, round), the page's language and the day it is printed on. So the first
//! reader of a version renders it and the others get the same bytes, with one thing made anew
//! per answer: the nonce its scripts carry, which the security headers draw for every response
//! (see `headers`). Every change bumps the version, so a page kept is never older than the
//! version read before it was rendered; the page is rendered in the language of that same read.
//! Hidden results, and addresses with anything but the page's own choices, are never kept.

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
use crate::{metrics, site};

mod spliced;

use spliced::Spliced;

/// How many bytes of pages are kept at most: a few hundred results pages of a dozen areas, a
/// few dozen of two hundred.
const KEPT_BYTES: u64 = 32 * 1024 * 1024;
/// The cache's shards, each holding an eighth of [`KEPT_BYTES`]: few, so that a large page fits one.
const SHARDS: usize = 8;
/// A page no larger than this is kept (a shard holds it twice over, plain and compressed); a
/// larger one is rendered for each reader.
const LARGEST_KEPT: usize = 2 * 1024 * 1024;
/// What the results page reads from its address; with anything else there, it is not kept.
const CHOICES: [&str; 4] = ["segment", "compare", "view", "round"];
/// The longest query string kept: segments are named by the workshop, which bounds them.
const LONGEST_QUERY: usize = 512;

/// What makes two requests' pages the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PageKey {
    workshop: WorkshopId,
    version: i64,
    /// The address's query, holding the page's choices only, each once.
    query: String,
    /// The page's language: the visitor's choice, else the workshop's at `version`.
    language: &'static str,
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
    fn weight(&self, key: &PageKey, page: &Arc<Rendered>) -> u64 {
        (key.query.len() + page.page.weight()) as u64 + 1
    }
}

/// Results pages kept, by [`PageKey`].
pub struct PageCache {
    kept: quick_cache::sync::Cache<PageKey, Arc<Rendered>, ByLength>,
}

impl Default for PageCache {
    fn default() -> Self {
        let options = quick_cache::OptionsBuilder::new()
            .estimated_items_capacity(1024)
            .weight_capacity(KEPT_BYTES)
            .shards(SHARDS)
            .build()
            .expect("the page cache's options are complete");
        PageCache {
            kept: quick_cache::sync::Cache::with_options(options, ByLength, Default::default(), Default::default()),
        }
    }
}

/// Answers a public results page from what is kept for the workshop's version, rendering it
/// when nothing is. Readers who arrive together at a new version each render it, as before
/// anything was kept, rather than wait in line behind one rendering that may not be kept.
pub async fn results_page(
    State((service, pages)): State<(Arc<Service>, Arc<PageCache>)>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = request.extensions().get::<Nonce>().map(ToString::to_string);
    let code = crate::paths::public_results(request.method(), request.uri().path());
    let query = request.uri().query().unwrap_or_default().to_owned();
    let (Some(nonce), Some(code), true) = (nonce, code, only_choices(&query)) else {
        return next.run(request).await;
    };
    let record = match service.record(code).await {
        Ok(record) if !record.results_hidden => record,
        // An unknown code is the page's to answer (and the limits' to count); hidden results too.
        _ => return next.run(request).await,
    };
    let chosen = kvadrant_api::lang::chosen(request.headers());
    // The page speaks the language of the same read as the version it is kept under (and the
    // language layer after this one reads the workshop no more).
    request.extensions_mut().insert(record.settings.language);
    let key = PageKey {
        workshop: record.id,
        version: record.version,
        query,
        language: chosen.unwrap_or(record.settings.language).code(),
        day: today(),
    };
    let gzip = site::accepts_gzip(request.headers());
    let kept = pages.kept.get(&key);
    metrics::results_page(kept.is_some());
    if let Some(page) = kept {
        return page.answer(&nonce, gzip);
    }
    match render(next, request, &nonce).await {
        Ok(page) => {
            pages.kept.insert(key, page.clone());
            page.answer(&nonce, gzip)
        }
        Err(NotKept(response)) => response,
    }
}

/// Whether `query` holds nothing but the results page's choices, each at most once.
fn only_choices(query: &str) -> bool {
    let mut seen = Vec::new();
    query.len() <= LONGEST_QUERY
        && form_urlencoded::parse(query.as_bytes()).all(|(name, _)| {
            let known = CHOICES.contains(&name.as_ref()) && !seen.contains(&name);
            seen.push(name);
            known
        })
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
    let cut = tokio::task::spawn_blocking(move || Spliced::cut(&body, &nonce));
    match cut.await.expect("cutting a page does not panic") {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pages_own_choices_each_once_are_kept() {
        for kept in
            ["", "view=normalised", "segment=Rolle%3DFolkevalgte&compare=Rolle%3DAdministrasjon", "round=1&view=x"]
        {
            assert!(only_choices(kept), "{kept}");
        }
        for not in ["x=1", "view=a&view=b", "round=1&utm_source=mail", &format!("segment={}", "a".repeat(600))] {
            assert!(!only_choices(not), "{not:.40}");
        }
    }
}
