//! Write stage, files: atomic replacement of one output file, and the lock that keeps two
//! builds from writing into the same output directory at once.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context, bail};

/// The name of the lock file inside the output directory.
const LOCK_FILE: &str = ".jaarcyclus.lock";

/// Distinguishes temporary files of concurrent writes within one process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically: a temporary file in the same directory (named
/// `.<name>.<pid>.<n>.tmp`), fsync, rename over the target; creates parent directories.
///
/// A reader sees the old file or the new one, never a half-written one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        bail!("`{}` is geen geldige bestandsnaam", path.display());
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("kan de map `{}` niet aanmaken", dir.display()))?;
    let temp = dir.join(temp_name(name));
    let result = write_and_rename(&temp, path, bytes);
    if result.is_err() {
        // Best effort: the temporary file is ours and useless now.
        let _ = std::fs::remove_file(&temp);
    }
    result?;
    sync_dir(dir);
    Ok(())
}

/// The name of a temporary file beside a file called `name`: `.<name>.<pid>.<n>.tmp`, hidden,
/// and unique within this process and across processes.
pub fn temp_name(name: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(".{name}.{}.{n}.tmp", std::process::id())
}

/// Whether the file at `path` holds exactly `bytes`: its length first, then its bytes (read
/// into `buf`, which a caller comparing many files reuses).
pub fn holds(path: &Path, bytes: &[u8], buf: &mut Vec<u8>) -> bool {
    use std::io::Read;
    let Ok(mut file) = File::open(path) else { return false };
    if file.metadata().map_or(true, |m| m.len() != bytes.len() as u64) {
        return false;
    }
    buf.clear();
    file.read_to_end(buf).is_ok() && buf == bytes
}

/// Removes the temporary files that a killed earlier write of `path` left beside it
/// (`.<name>.<pid>.<n>.tmp`). Only for callers holding the output lock, so that no other
/// process is writing `path` at the same time.
pub fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let ours = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .is_some_and(|ids| ids.split('.').all(|id| id.parse::<u64>().is_ok()));
        if ours {
            // Best effort: a temporary file that cannot be removed does no harm.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn write_and_rename(temp: &Path, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .with_context(|| format!("kan het tijdelijke bestand `{}` niet aanmaken", temp.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("kan `{}` niet schrijven", temp.display()))?;
    drop(file);
    std::fs::rename(temp, path).with_context(|| format!("kan `{}` niet vervangen", path.display()))
}

/// Makes the rename itself durable; where a directory cannot be synced, the data still is.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// An exclusive lock on the output directory, held until dropped, so that two concurrent
/// builds cannot interleave their files.
#[derive(Debug)]
pub struct OutLock {
    /// The open lock file; closing it releases the lock.
    _file: File,
    path: PathBuf,
}

impl OutLock {
    /// The lock file, `<out>/.jaarcyclus.lock`.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Takes the lock on `dir` (creating the directory), or fails at once when another build holds
/// it: waiting silently on a stuck build would look like a hang.
pub fn lock_out(dir: &Path) -> anyhow::Result<OutLock> {
    std::fs::create_dir_all(dir).with_context(|| format!("kan de uitvoermap `{}` niet aanmaken", dir.display()))?;
    let path = dir.join(LOCK_FILE);
    // The lock file stays in place: removing it while another process opens it would let two
    // builds lock two different files.
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .with_context(|| format!("kan het slotbestand `{}` niet openen", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(OutLock { _file: file, path }),
        Err(TryLockError::WouldBlock) => bail!(
            "de uitvoermap `{}` is in gebruik door een andere build van jaarcyclus; probeer het opnieuw als die klaar is",
            dir.display()
        ),
        Err(TryLockError::Error(err)) => {
            Err(err).with_context(|| format!("kan het slotbestand `{}` niet vergrendelen", path.display()))
        }
    }
}

/// An exclusive lock on the data root (its directory itself, so that no lock file appears among
/// the inputs), held until dropped: `jaarcyclus ontvang` writes the files of a delivery and the
/// receipt register under it, so that concurrent receipts never interleave.
#[derive(Debug)]
pub struct DataLock {
    /// The open directory; closing it releases the lock.
    _dir: File,
}

/// Takes the lock on the data root `dir`, waiting for another receipt to finish, for at most
/// `wait`: a receipt takes a second, so a longer wait means a stuck process.
pub fn lock_data(dir: &Path, wait: std::time::Duration) -> anyhow::Result<DataLock> {
    let handle = File::open(dir).with_context(|| format!("kan de gegevensmap `{}` niet openen", dir.display()))?;
    let start = std::time::Instant::now();
    loop {
        match handle.try_lock() {
            Ok(()) => return Ok(DataLock { _dir: handle }),
            Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(TryLockError::WouldBlock) => bail!(
                "de gegevensmap `{}` is al {} seconden in gebruik door een andere ontvangst; probeer het opnieuw als die klaar is",
                dir.display(),
                wait.as_secs()
            ),
            Err(TryLockError::Error(err)) => {
                return Err(err).with_context(|| format!("kan de gegevensmap `{}` niet vergrendelen", dir.display()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_are_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.html");
        let mut buf = Vec::new();
        assert!(!holds(&path, b"abc", &mut buf), "no file");
        std::fs::write(&path, b"abc").unwrap();
        assert!(holds(&path, b"abc", &mut buf));
        assert!(!holds(&path, b"abd", &mut buf), "same length, other bytes");
        assert!(!holds(&path, b"abcd", &mut buf), "other length");
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn writes_creates_parents_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2025").join("jaarplan-2025.pdf");
        write_atomic(&path, b"eerste").unwrap();
        write_atomic(&path, b"tweede").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"tweede");
        assert_eq!(names(&dir.path().join("2025")), ["jaarplan-2025.pdf"]);
    }

    #[test]
    fn failure_names_the_path_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("bezet");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("x"), b"x").unwrap();
        // Renaming a file over a non-empty directory fails.
        let err = write_atomic(&target, b"data").unwrap_err();
        assert!(format!("{err:#}").contains("bezet"), "{err:#}");
        assert_eq!(names(dir.path()), ["bezet"]);
    }

    #[test]
    fn stale_temporary_files_of_the_same_target_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jaarplan-2025.pdf");
        for name in
            [".jaarplan-2025.pdf.4242.0.tmp", ".jaarplan-2025.pdf.x.tmp", ".ander.pdf.4242.0.tmp", "jaarplan-2025.pdf"]
        {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        remove_stale_temps(&path);
        assert_eq!(names(dir.path()), [".ander.pdf.4242.0.tmp", ".jaarplan-2025.pdf.x.tmp", "jaarplan-2025.pdf"]);
    }

    #[test]
    fn the_data_lock_waits_and_then_gives_up() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock_data(dir.path(), std::time::Duration::from_secs(1)).unwrap();
        let err = lock_data(dir.path(), std::time::Duration::from_millis(50)).unwrap_err();
        assert!(format!("{err:#}").contains("in gebruik"), "{err:#}");
        drop(first);
        lock_data(dir.path(), std::time::Duration::from_millis(50)).unwrap();
        assert_eq!(names(dir.path()), Vec::<String>::new(), "no lock file among the inputs");
    }

    #[test]
    fn a_second_lock_on_the_same_dir_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let first = lock_out(&out).unwrap();
        assert_eq!(first.path(), out.join(LOCK_FILE));
        let err = lock_out(&out).unwrap_err();
        assert!(format!("{err:#}").contains("in gebruik"), "{err:#}");
        drop(first);
        lock_out(&out).unwrap();
    }
}
