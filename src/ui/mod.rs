//! Drawing. Views read state and return what the user asked for; they never
//! touch the file system (the app loop does that).

mod file_errors;

pub use file_errors::file_errors_ui;
