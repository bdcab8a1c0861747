//! The facilitator links this browser holds, kept in its local storage: the workshops home
//! lists them. Nothing leaves the browser; on the server there are none.

use serde::{Deserialize, Serialize};

/// One workshop this browser has opened as facilitator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateLink {
    pub code: String,
    pub secret: String,
    /// The title when last seen, shown if the workshop cannot be reached.
    pub title: String,
}

impl PrivateLink {
    pub fn manage_path(&self) -> String {
        crate::model::manage_path(&self.code, &self.secret)
    }
}

#[cfg(feature = "hydrate")]
const KEY: &str = "kvadrant.workshops";

/// Every link held, the most recently opened first.
pub fn all() -> Vec<PrivateLink> {
    #[cfg(feature = "hydrate")]
    {
        storage()
            .and_then(|storage| storage.get_item(KEY).ok().flatten())
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    Vec::new()
}

/// Puts `link` first, replacing an older link to the same workshop.
pub fn remember(link: PrivateLink) {
    let mut links = all();
    links.retain(|held| held.code != link.code);
    links.insert(0, link);
    store(&links);
}

pub fn forget(code: &str) {
    let mut links = all();
    links.retain(|held| held.code != code);
    store(&links);
}

fn store(links: &[PrivateLink]) {
    #[cfg(feature = "hydrate")]
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(links)) {
        // A full or disabled storage only means the home page will not list the workshop.
        let _ = storage.set_item(KEY, &text);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = links;
}

#[cfg(feature = "hydrate")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
