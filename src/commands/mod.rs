//! One module per subcommand, porcelain and plumbing side by side. This module only groups
//! them; the registry (`crate::registry`) is the list that dispatch uses.

pub mod plumbing;
pub mod porcelain;
pub mod view;
