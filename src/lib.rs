//! Scorecard: structured interview scorecards.
//!
//! Layers, each depending only on those before it:
//! [`model`] (plain data and rules) ← [`io`] (files) ← [`ui`] (drawing) ←
//! [`app`] (the event loop and workers). [`cli`] is the command-line edge.

pub mod app;
pub mod cli;
pub mod demo;
pub mod export;
pub mod io;
pub mod model;
pub mod ui;
