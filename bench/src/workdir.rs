//! A scratch directory for one run: the SQLite file, an empty site root and the servers' logs.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub struct WorkDir {
    path: PathBuf,
}

impl WorkDir {
    pub fn create() -> io::Result<WorkDir> {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|elapsed| elapsed.subsec_nanos()).unwrap_or(0);
        let path = std::env::temp_dir().join(format!("kvadrant-bench-{}-{nanos}", std::process::id()));
        fs::create_dir_all(path.join("site"))?;
        Ok(WorkDir { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Kvadrant needs a site root; the API serves nothing from it.
    pub fn site_root(&self) -> PathBuf {
        self.path.join("site")
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}
