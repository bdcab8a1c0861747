//! What the instance's operator configured that pages show or build links with; the server
//! provides it to every page.

use leptos::prelude::use_context;

#[derive(Debug, Clone, Default)]
pub struct Instance {
    /// How to reach whoever runs this instance (an e-mail address or a web address), for
    /// feedback on accessibility and questions about privacy.
    pub contact: Option<String>,
    /// Days a workshop is kept after its last change; 0: until it is deleted.
    pub retention_days: u32,
    /// The address participants reach the instance at: links shown and put in QR codes start
    /// with it.
    pub public_url: Option<String>,
}

/// The instance's settings, as the server provided them to the page being rendered.
pub fn use_instance() -> Instance {
    use_context::<Instance>().unwrap_or_default()
}
