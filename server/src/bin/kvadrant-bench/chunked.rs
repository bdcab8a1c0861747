//! Decodes an HTTP/1.1 chunked body as it arrives, in pieces split anywhere.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Reading a chunk's size in hex; `digits` tells an empty size line from a zero.
    Size {
        size: u64,
        digits: u8,
    },
    /// Skipping a chunk extension up to the end of the size line.
    Extension {
        size: u64,
    },
    /// Saw the carriage return ending the size line.
    SizeEnd {
        size: u64,
    },
    Data {
        remaining: u64,
    },
    /// After a chunk's data, its line ending.
    DataEnd {
        saw_return: bool,
    },
    /// After the last chunk: trailer lines, until an empty one.
    Trailer {
        line_length: usize,
    },
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

impl fmt::Display for ChunkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("malformed chunked body")
    }
}

impl std::error::Error for ChunkError {}

pub struct ChunkedDecoder {
    state: State,
}

impl Default for ChunkedDecoder {
    fn default() -> Self {
        ChunkedDecoder { state: State::Size { size: 0, digits: 0 } }
    }
}

impl ChunkedDecoder {
    /// Hands the body bytes in `input` to `sink`; returns how many bytes of `input` belonged to
    /// the body, all of them unless it ended.
    pub fn feed(&mut self, input: &[u8], sink: &mut impl FnMut(&[u8])) -> Result<usize, ChunkError> {
        let mut consumed = 0;
        while consumed < input.len() && self.state != State::Done {
            let rest = &input[consumed..];
            if let State::Data { remaining } = self.state {
                let take = rest.len().min(usize::try_from(remaining).unwrap_or(usize::MAX));
                sink(&rest[..take]);
                consumed += take;
                let remaining = remaining - take as u64;
                self.state =
                    if remaining == 0 { State::DataEnd { saw_return: false } } else { State::Data { remaining } };
            } else {
                self.state = self.step(rest[0])?;
                consumed += 1;
            }
        }
        Ok(consumed)
    }

    /// The last chunk and the trailer have been read.
    pub fn is_done(&self) -> bool {
        self.state == State::Done
    }

    fn step(&self, byte: u8) -> Result<State, ChunkError> {
        let next =
            match (self.state, byte) {
                (State::Size { size, digits }, _) if byte.is_ascii_hexdigit() => {
                    let digit = u64::from((byte as char).to_digit(16).ok_or(ChunkError)?);
                    let size = size.checked_mul(16).and_then(|size| size.checked_add(digit)).ok_or(ChunkError)?;
                    State::Size { size, digits: digits.saturating_add(1) }
                }
                (State::Size { digits: 0, .. }, _) => return Err(ChunkError),
                (State::Size { size, .. }, b';' | b' ' | b'\t') => State::Extension { size },
                (State::Size { size, .. } | State::Extension { size }, b'\r') => State::SizeEnd { size },
                (State::Size { size, .. } | State::Extension { size } | State::SizeEnd { size }, b'\n') => {
                    if size == 0 { State::Trailer { line_length: 0 } } else { State::Data { remaining: size } }
                }
                (State::Extension { size }, _) => State::Extension { size },
                (State::DataEnd { saw_return: false }, b'\r') => State::DataEnd { saw_return: true },
                (State::DataEnd { .. }, b'\n') => State::Size { size: 0, digits: 0 },
                (State::Trailer { line_length }, b'\r') => State::Trailer { line_length },
                (State::Trailer { line_length: 0 }, b'\n') => State::Done,
                (State::Trailer { .. }, b'\n') => State::Trailer { line_length: 0 },
                (State::Trailer { line_length }, _) => State::Trailer { line_length: line_length + 1 },
                _ => return Err(ChunkError),
            };
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_in_pieces(wire: &[u8], piece: usize) -> (Vec<u8>, usize, bool) {
        let mut decoder = ChunkedDecoder::default();
        let mut body = Vec::new();
        let mut consumed = 0;
        for part in wire.chunks(piece) {
            consumed += decoder.feed(part, &mut |data| body.extend_from_slice(data)).unwrap();
        }
        (body, consumed, decoder.is_done())
    }

    #[test]
    fn decodes_whatever_the_pieces() {
        let wire =
            b"d\r\nretry: 2000\n\n\r\n1A;name=value\r\nevent: view\nid: 7\ndata: {}\r\n0\r\nTrailer: x\r\n\r\nnext";
        for piece in 1..wire.len() {
            let (body, consumed, done) = decode_in_pieces(wire, piece);
            assert_eq!(body, b"retry: 2000\n\nevent: view\nid: 7\ndata: {}", "pieces of {piece}");
            assert_eq!(consumed, wire.len() - b"next".len());
            assert!(done);
        }
    }

    #[test]
    fn an_open_stream_is_not_done() {
        let (body, _, done) = decode_in_pieces(b"3\r\n:\n\n\r\n", 4);
        assert_eq!(body, b":\n\n");
        assert!(!done);
    }

    #[test]
    fn refuses_what_is_not_chunked() {
        let mut decoder = ChunkedDecoder::default();
        assert_eq!(decoder.feed(b"HTTP/1.1 200 OK\r\n", &mut |_| {}), Err(ChunkError));
        let mut decoder = ChunkedDecoder::default();
        assert_eq!(decoder.feed(b"2\r\nabX", &mut |_| {}), Err(ChunkError));
    }
}
