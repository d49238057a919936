//! Write stage, the last one and the only code that touches `out/`: takes the PDFs, tables and
//! manifest the earlier stages made and puts them on disk atomically, under a lock.

mod atomic;
pub mod excel;
mod folder;
mod guard;
pub mod mail;
mod manifest;
mod site;
pub(crate) mod table;

pub use atomic::{DataLock, OutLock, holds, lock_data, lock_out, remove_stale_temps, temp_name, write_atomic};
pub use folder::write_folder;
pub use guard::guard_out;
pub use manifest::Manifest;
pub use site::{SiteTmp, write_site};
pub use table::{csv, xlsx};
