//! Following a workshop live over server-sent events: snapshots, updates, roles, hiding,
//! and several instances on one PostgreSQL database.

mod comments;
mod instances;
mod roles;
mod updates;
