//! `kvadrant-server backup FILE`: a consistent copy of a SQLite database, taken while a server
//! may be writing to it.
//!
//! SQLite's `VACUUM INTO` reads the database in one read transaction, so the copy is the database
//! as of one moment: every write committed before it started, none half. It is written under a
//! name of its own beside FILE, flushed to disk (SQLite does not flush it), and only then given
//! FILE's name, which must not exist yet: FILE is either the whole copy or absent.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::store::Engine;

/// How long the copy waits for the file while a writer holds it exclusively (a checkpoint, the
/// server's own start); writers in WAL mode never block it otherwise.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{} already exists: a backup never overwrites a file, name a new one", .0.display())]
    Exists(PathBuf),
    #[error(
        "the database is PostgreSQL, which this command does not copy: back it up with pg_dump \
         (`pg_dump -Fc`, see docs/OPERATIONS.md, Backups)"
    )]
    Postgres,
    #[error("the database URL is neither sqlite:// nor postgres://")]
    UnknownUrl,
    #[error("the database is in memory: there is no file to back up")]
    InMemory,
    #[error("there is no SQLite database at {}", .0.display())]
    NoDatabase(PathBuf),
    #[error("{} is not a name SQLite can write to (not UTF-8)", .0.display())]
    NotUtf8(PathBuf),
    #[error("cannot write {}: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("the copy failed: {0}")]
    Database(#[from] sqlx::Error),
}

/// Copies the SQLite database at `database_url` to `target`, which must not exist, and answers
/// the copy's size in bytes. The database is only read, never created or migrated.
pub async fn backup(database_url: &str, target: &Path) -> Result<u64, BackupError> {
    match Engine::of(database_url) {
        Some(Engine::Sqlite) => {}
        Some(Engine::Postgres) => return Err(BackupError::Postgres),
        None => return Err(BackupError::UnknownUrl),
    }
    if database_url.contains(":memory:") || database_url.contains("mode=memory") {
        return Err(BackupError::InMemory);
    }
    let options = SqliteConnectOptions::from_str(database_url)?;
    let source = options.get_filename().to_owned();
    if !source.is_file() {
        return Err(BackupError::NoDatabase(source));
    }
    // Absolute, so that SQLite cannot read the name as a `file:` URI.
    let target = std::path::absolute(target).map_err(failed(target))?;
    if fs::symlink_metadata(&target).is_ok() {
        return Err(BackupError::Exists(target));
    }
    let partial = partial_name(&target)?;
    let name = partial.to_str().ok_or_else(|| BackupError::NotUtf8(target.clone()))?;
    // Created empty and exclusively (VACUUM INTO accepts an empty file): the name is this copy's.
    OpenOptions::new().write(true).create_new(true).open(&partial).map_err(failed(&target))?;
    let copied = copy(options, name, &target).await;
    // After the copy, the partial name is a second name of FILE; after a failure, a broken copy.
    let _ = fs::remove_file(&partial);
    copied
}

async fn copy(options: SqliteConnectOptions, partial: &str, target: &Path) -> Result<u64, BackupError> {
    // Read-only: the copy changes nothing in the database, whoever else has it open.
    let mut connection = options.read_only(true).busy_timeout(BUSY_TIMEOUT).connect().await?;
    sqlx::query("VACUUM INTO ?").bind(partial).execute(&mut connection).await?;
    connection.close().await?;
    let partial = Path::new(partial);
    File::open(partial).and_then(|file| file.sync_all()).map_err(failed(target))?;
    publish(partial, target)?;
    sync_directory(target)?;
    Ok(fs::metadata(target).map_err(failed(target))?.len())
}

/// Gives the finished copy `target`'s name, unless something has taken it meanwhile.
fn publish(partial: &Path, target: &Path) -> Result<(), BackupError> {
    match fs::hard_link(partial, target) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Err(BackupError::Exists(target.to_owned())),
        // A file system without hard links: a rename, which replaces, after one more look.
        Err(_) if fs::symlink_metadata(target).is_ok() => Err(BackupError::Exists(target.to_owned())),
        Err(_) => fs::rename(partial, target).map_err(failed(target)),
    }
}

/// Makes the new name itself survive a power cut.
fn sync_directory(target: &Path) -> Result<(), BackupError> {
    if cfg!(unix)
        && let Some(directory) = target.parent()
    {
        File::open(directory).and_then(|directory| directory.sync_all()).map_err(failed(directory))?;
    }
    Ok(())
}

/// A name beside `target` for the copy while it is written: hidden, and this process's own.
fn partial_name(target: &Path) -> Result<PathBuf, BackupError> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let file = target.file_name().ok_or_else(|| BackupError::Io {
        path: target.to_owned(),
        source: io::Error::new(io::ErrorKind::InvalidInput, "not a file name"),
    })?;
    let mut name = std::ffi::OsString::from(".");
    name.push(file);
    name.push(format!(".partial-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)));
    Ok(target.with_file_name(name))
}

fn failed(path: &Path) -> impl FnOnce(io::Error) -> BackupError + '_ {
    move |source| BackupError::Io { path: path.to_owned(), source }
}
