//! A workshop's pages speak the workshop's language, unless the visitor chose one.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use kvadrant_api::lang::Lang;

use crate::service::Service;

/// Puts the workshop's language on requests for `/w/CODE/…` pages; the pages read it when the
/// language cookie is absent. A layer before may have read the workshop already (the results
/// page's cache, which needs the language of the same read as the version it keeps under).
pub async fn workshop_language(State(service): State<Arc<Service>>, mut request: Request, next: Next) -> Response {
    let chosen =
        kvadrant_api::lang::chosen(request.headers()).is_some() || request.extensions().get::<Lang>().is_some();
    let code = request.uri().path().strip_prefix("/w/").and_then(|rest| rest.split('/').next()).map(str::to_owned);
    if let (false, Some(code)) = (chosen, code)
        && let Ok(record) = service.record(&code).await
    {
        request.extensions_mut().insert(record.settings.language);
    }
    next.run(request).await
}
