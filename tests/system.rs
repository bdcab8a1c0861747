//! System tests: the real server on a free port with a fresh database, driven over HTTP
//! (and, under `e2e`, through a real browser). One binary, so the server is linked once.

mod api;
mod e2e;
mod live;
mod support;
mod toolkit;
