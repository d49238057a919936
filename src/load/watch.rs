//! `check --watch` and `build --watch`: what changed in the data root since the last look. Polls the tree's file
//! names, sizes and modification times instead of subscribing to the operating system's
//! events: that works the same on every platform and on network drives, needs no extra crate,
//! and sees an editor's save-by-rename, a deleted file and a half-written one alike (a file
//! still being written keeps changing, so the check waits until the tree is quiet).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Every regular file below the data root, by path relative to it, with its size and
/// modification time. Unreadable entries are left out (they are the check's to report).
pub type Fingerprint = BTreeMap<String, (u64, Option<SystemTime>)>;

/// The fingerprint of the data root now.
pub fn fingerprint(data: &Path) -> Fingerprint {
    walkdir::WalkDir::new(data)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let rel = crate::layout::relative(data, e.path());
            Some((rel, (meta.len(), meta.modified().ok())))
        })
        .collect()
}

/// The files added, changed or removed between two fingerprints, sorted.
pub fn changed(before: &Fingerprint, now: &Fingerprint) -> Vec<String> {
    let mut out: Vec<String> = now.iter().filter(|(k, v)| before.get(*k) != Some(v)).map(|(k, _)| k.clone()).collect();
    out.extend(before.keys().filter(|k| !now.contains_key(*k)).cloned());
    out.sort();
    out.dedup();
    out
}

/// Waits until the data root differs from `before` and has then been quiet for `quiet`
/// (debounced: one re-check per save, not one per write); returns the new fingerprint and
/// what changed. Looks every `every`.
pub fn wait_for_change(
    data: &Path,
    before: &Fingerprint,
    every: Duration,
    quiet: Duration,
) -> (Fingerprint, Vec<String>) {
    loop {
        std::thread::sleep(every);
        let mut now = fingerprint(data);
        if now == *before {
            continue;
        }
        // Changed: wait until it stops changing.
        loop {
            std::thread::sleep(quiet);
            let later = fingerprint(data);
            if later == now {
                break;
            }
            now = later;
        }
        let what = changed(before, &now);
        if !what.is_empty() {
            return (now, what);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_changed_and_removed_files_are_seen() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "a").unwrap();
        std::fs::create_dir(dir.path().join("2027")).unwrap();
        std::fs::write(dir.path().join("2027/b.yaml"), "b").unwrap();
        let before = fingerprint(dir.path());
        assert_eq!(before.keys().collect::<Vec<_>>(), ["2027/b.yaml", "a.yaml"]);
        std::fs::write(dir.path().join("a.yaml"), "langer").unwrap();
        std::fs::remove_file(dir.path().join("2027/b.yaml")).unwrap();
        std::fs::write(dir.path().join("c.yaml"), "c").unwrap();
        assert_eq!(changed(&before, &fingerprint(dir.path())), ["2027/b.yaml", "a.yaml", "c.yaml"]);
        assert!(changed(&before, &before).is_empty());
    }
}
