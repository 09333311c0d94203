//! The ticket model, its file format and the store of ticket files.
//!
//! Parsing and the model do not care where the bytes came from (working tree today, a git
//! tree later); only [`store`] touches the filesystem.

pub mod deps;
pub mod entry;
pub mod fast;
pub mod fields;
pub mod format;
pub mod id;
pub mod model;
pub mod names;
pub mod resolve;
pub mod store;
pub mod time;
pub mod transition;

pub use model::{Meta, Status, Ticket};
pub use store::Store;
pub use time::Timestamp;
