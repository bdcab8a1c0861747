//! Reads server-sent events for their name and id only: the data lines, the bulk of each event,
//! are skipped without being kept, so a follower holds a few bytes however large the events are.

/// Enough of a line for its field name and an id; longer lines are data.
const PREFIX_CAPACITY: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    View,
    Sheet,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    pub id: Option<i64>,
    /// The event's size on the wire, from its first line to the blank line ending it.
    pub bytes: usize,
}

/// The start of the line being read, and its full length so far.
struct Line {
    prefix: [u8; PREFIX_CAPACITY],
    length: usize,
}

impl Line {
    fn push(&mut self, bytes: &[u8]) {
        if self.length < PREFIX_CAPACITY {
            let take = bytes.len().min(PREFIX_CAPACITY - self.length);
            self.prefix[self.length..self.length + take].copy_from_slice(&bytes[..take]);
        }
        self.length += bytes.len();
    }

    /// The line without its carriage return, if it fit.
    fn text(&self) -> Option<&[u8]> {
        let line = &self.prefix[..self.length.min(PREFIX_CAPACITY)];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        (self.length <= PREFIX_CAPACITY).then_some(line)
    }
}

/// The fields of the event being read.
#[derive(Default)]
struct Pending {
    kind: Option<EventKind>,
    id: Option<i64>,
    has_data: bool,
    bytes: usize,
}

pub struct EventScanner {
    line: Line,
    pending: Pending,
}

impl Default for EventScanner {
    fn default() -> Self {
        EventScanner { line: Line { prefix: [0; PREFIX_CAPACITY], length: 0 }, pending: Pending::default() }
    }
}

impl EventScanner {
    /// Reads `input`, a piece of the stream split anywhere, and reports each event it completes.
    pub fn feed(&mut self, mut input: &[u8], on_event: &mut impl FnMut(Event)) {
        while !input.is_empty() {
            let Some(end) = input.iter().position(|&byte| byte == b'\n') else {
                self.line.push(input);
                return;
            };
            self.line.push(&input[..end]);
            input = &input[end + 1..];
            self.pending.bytes += self.line.length + 1;
            if let Some(event) = self.end_line() {
                on_event(event);
            }
            self.line.length = 0;
        }
    }

    fn end_line(&mut self) -> Option<Event> {
        let Some(text) = self.line.text() else {
            // Only a data line is this long.
            self.pending.has_data = true;
            return None;
        };
        if text.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            return pending.has_data.then(|| Event {
                kind: pending.kind.unwrap_or(EventKind::Other),
                id: pending.id,
                bytes: pending.bytes,
            });
        }
        let (field, value) = match text.iter().position(|&byte| byte == b':') {
            Some(0) => return None,
            Some(colon) => (&text[..colon], text[colon + 1..].strip_prefix(b" ").unwrap_or(&text[colon + 1..])),
            None => (text, &b""[..]),
        };
        match field {
            b"event" => {
                self.pending.kind = Some(match value {
                    b"view" => EventKind::View,
                    b"sheet" => EventKind::Sheet,
                    _ => EventKind::Other,
                });
            }
            b"id" => self.pending.id = std::str::from_utf8(value).ok().and_then(|id| id.parse().ok()),
            b"data" => self.pending.has_data = true,
            _ => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STREAM: &[u8] = b"retry: 2000\n\nevent: view\nid: 41\ndata: {\"version\":41,\"a very long line\":\"xxxxxxxxxxxxxxxxxxxxxxxx\"}\n\n:\n\nevent: sheet\r\nid: 41\r\ndata: {}\r\n\r\nid: 42\ndata: x\n\n";

    fn scan_in_pieces(piece: usize) -> Vec<Event> {
        let mut scanner = EventScanner::default();
        let mut events = Vec::new();
        for part in STREAM.chunks(piece) {
            scanner.feed(part, &mut |event| events.push(event));
        }
        events
    }

    #[test]
    fn finds_names_ids_and_sizes_whatever_the_pieces() {
        let view_bytes =
            "event: view\nid: 41\ndata: {\"version\":41,\"a very long line\":\"xxxxxxxxxxxxxxxxxxxxxxxx\"}\n\n".len();
        let expected = vec![
            Event { kind: EventKind::View, id: Some(41), bytes: view_bytes },
            Event { kind: EventKind::Sheet, id: Some(41), bytes: "event: sheet\r\nid: 41\r\ndata: {}\r\n\r\n".len() },
            Event { kind: EventKind::Other, id: Some(42), bytes: "id: 42\ndata: x\n\n".len() },
        ];
        for piece in 1..=STREAM.len() {
            assert_eq!(scan_in_pieces(piece), expected, "pieces of {piece}");
        }
    }
}
