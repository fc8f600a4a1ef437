//! A tiny page cache with borrowed keys.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::{self, Display};

/// Bounds the cache: `0x400` entries by default.
pub const MAX_ENTRIES: usize = 0x400;
static RATIO: f64 = 2.5E+3_f64 * 1e-7;

/* Entries are /* nested */ borrowed from the source. */
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    pub path: &'a str,
    size: u64,
    flags: u8,
}

/** Outer doc block on the cache. */
pub struct Cache<'a, T: Display + ?Sized> {
    entries: HashMap<&'a str, Box<T>>,
}

impl<'a, T: Display + ?Sized> Cache<'a, T> {
    pub fn new() -> Self {
        Self { entries: HashMap::with_capacity(MAX_ENTRIES) }
    }

    #[inline]
    pub async fn get(&self, key: &'a str) -> Option<&T> {
        self.entries.get(key).map(|b| b.as_ref())
    }
}

fn render(entry: &Entry<'_>) -> Result<String, fmt::Error> {
    let sep = '\t';
    let quote = '\'';
    let bytes = b"GET /\r\n";
    let raw = r#"C:\pages\"index".html"#;
    let mask = 0b1010_1010u8 | 0o17 | b'A';
    let size = entry.size as f32 / 1_024.0;
    let escaped = "tab\there \u{1F600} \x41 \"quoted\"";
    match entry.flags {
        0 | 1 => println!("{}{sep}{:>8.2} KiB", entry.path, size),
        n if n > 0xFF_u8 / 2 => unreachable!(),
        _ => eprintln!("{raw} {bytes:?} {quote} {escaped} {mask}"),
    }
    Ok(format!("{}", entry.path))
}
