//! With the `embedded-site` feature, the built site (styles, scripts, WASM, icon) goes into the
//! binary: this names the folder it is read from, the one `cargo leptos build` has just written
//! (`LEPTOS_SITE_ROOT`, relative to the workspace, as cargo-leptos sets it; else `target/site`).

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_EMBEDDED_SITE").is_none() {
        return;
    }
    println!("cargo:rerun-if-env-changed=LEPTOS_SITE_ROOT");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let workspace = manifest_dir.parent().expect("the server is a member of the workspace");
    let named = std::env::var_os("LEPTOS_SITE_ROOT").map_or_else(|| PathBuf::from("target/site"), PathBuf::from);
    let folder = workspace.join(named);
    let script = folder.join("pkg").join("kvadrant.js");
    if !script.is_file() {
        panic!(
            "the site to embed is not built: {} is missing. Build the front end first: \
             `cargo leptos build --release --split --frontend-only`, then \
             `cargo leptos build --release --split --server-only --bin-features embedded-site` \
             (in one command cargo-leptos builds both at once)",
            script.display()
        );
    }
    // A file added to the site changes the folder, not any file the compiler read.
    println!("cargo:rerun-if-changed={}", folder.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("embedded_site.rs"), embedding(&folder)).expect("OUT_DIR is writable");
}

/// The type that carries the site's files, as the embedding crate derives it.
fn embedding(folder: &Path) -> String {
    let folder = folder.to_str().expect("the site's path is UTF-8");
    format!("#[derive(rust_embed::Embed)]\n#[folder = {folder:?}]\nstruct EmbeddedSite;\n")
}
