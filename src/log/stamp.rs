//! The time an entry records: an instant, with the offset it was written
//! with.

use std::fmt;

use jiff::Timestamp;
use jiff::tz::Offset;

/// A moment as recorded: the instant and the offset it was written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub at: Timestamp,
    pub offset: Offset,
}

impl Stamp {
    /// Parses an RFC 3339 time with an offset (`2026-03-02T09:15:00+01:00`).
    pub fn parse(text: &str) -> Result<Stamp, String> {
        let pieces = jiff::fmt::temporal::Pieces::parse(text).map_err(|e| e.to_string())?;
        let offset = match pieces.offset() {
            Some(offset) => offset.to_numeric_offset(),
            None => return Err("no UTC offset (like +01:00 or Z)".to_string()),
        };
        let at: Timestamp = text.parse().map_err(|e: jiff::Error| e.to_string())?;
        Ok(Stamp { at, offset })
    }

    /// A stamp to whole seconds, the precision entries record.
    pub fn new(at: Timestamp, offset: Offset) -> Stamp {
        let at = Timestamp::from_second(at.as_second()).unwrap_or(at);
        Stamp { at, offset }
    }

    /// The calendar date where it was written.
    pub fn date(&self) -> jiff::civil::Date {
        self.offset.to_datetime(self.at).date()
    }

    /// `YYYY-MM-DD-HHMM`, for file names.
    pub fn file_prefix(&self) -> String {
        self.offset
            .to_datetime(self.at)
            .strftime("%Y-%m-%d-%H%M")
            .to_string()
    }

    /// `YYYY-MM-DD HH:MM`, for people.
    pub fn short(&self) -> String {
        self.offset
            .to_datetime(self.at)
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.at.display_with_offset(self.offset))
    }
}
