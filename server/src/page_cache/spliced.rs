//! A page cut where its nonce stood, kept plain and compressed, and joined again around each
//! answer's own nonce. The compressed form is one gzip member (RFC 1952) whose pieces are each
//! deflated on their own, so that none refers back into another, and end on a byte boundary, so
//! that a nonce can go between two of them as a stored block (RFC 1951, 3.2.4). Compressing a
//! page for a reader is then copying it, and computing its checksum. The level is the one every
//! other answer is compressed at: a page is compressed once per version, and while groups score
//! a version may last for one reader only.

use std::io;

use axum::body::Bytes;
use flate2::{Compress, Compression, FlushCompress, Status};

/// The gzip header: deflate, no name, no time, from an unknown system.
const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

pub struct Spliced {
    /// The page between its nonces: one more piece than it has nonces.
    pieces: Vec<Bytes>,
    /// Each piece deflated on its own; all but the last end with a sync flush.
    deflated: Vec<Bytes>,
}

impl Spliced {
    /// Cuts `page` where `nonce` stands and compresses the pieces.
    pub fn cut(page: &Bytes, nonce: &str) -> io::Result<Spliced> {
        let mut pieces = Vec::new();
        let mut start = 0;
        for found in memchr::memmem::find_iter(page, nonce.as_bytes()) {
            pieces.push(page.slice(start..found));
            start = found + nonce.len();
        }
        pieces.push(page.slice(start..));
        let last = pieces.len() - 1;
        let deflated =
            pieces.iter().enumerate().map(|(i, piece)| deflate(piece, i == last)).collect::<Result<_, _>>()?;
        Ok(Spliced { pieces, deflated })
    }

    /// The bytes kept, plain and compressed.
    pub fn weight(&self) -> usize {
        self.pieces.iter().chain(&self.deflated).map(Bytes::len).sum()
    }

    /// The page with `nonce` where the cut one stood.
    pub fn plain(&self, nonce: &str) -> Vec<u8> {
        let mut page = Vec::with_capacity(self.plain_len(nonce));
        for (i, piece) in self.pieces.iter().enumerate() {
            if i > 0 {
                page.extend_from_slice(nonce.as_bytes());
            }
            page.extend_from_slice(piece);
        }
        page
    }

    /// The same, gzipped.
    pub fn gzip(&self, nonce: &str) -> Vec<u8> {
        let stored = stored_block_header(nonce.len());
        let compressed: usize = self.deflated.iter().map(Bytes::len).sum();
        let mut gzip = Vec::with_capacity(GZIP_HEADER.len() + compressed + self.pieces.len() * (5 + nonce.len()) + 8);
        gzip.extend_from_slice(&GZIP_HEADER);
        let mut checksum = crc32fast::Hasher::new();
        for (i, (piece, deflated)) in self.pieces.iter().zip(&self.deflated).enumerate() {
            if i > 0 {
                gzip.extend_from_slice(&stored);
                gzip.extend_from_slice(nonce.as_bytes());
                checksum.update(nonce.as_bytes());
            }
            gzip.extend_from_slice(deflated);
            checksum.update(piece);
        }
        gzip.extend_from_slice(&checksum.finalize().to_le_bytes());
        // The size modulo 2³², as the format has it.
        gzip.extend_from_slice(&(self.plain_len(nonce) as u32).to_le_bytes());
        gzip
    }

    fn plain_len(&self, nonce: &str) -> usize {
        self.pieces.iter().map(Bytes::len).sum::<usize>() + nonce.len() * (self.pieces.len() - 1)
    }
}

/// A non-final stored block of `len` bytes, starting on a byte boundary: its three header bits
/// (not final, type 00) padded to a byte, then the length and its complement.
fn stored_block_header(len: usize) -> [u8; 5] {
    let len = u16::try_from(len).expect("a nonce is short");
    let [low, high] = len.to_le_bytes();
    [0, low, high, !low, !high]
}

/// `piece` as raw deflate blocks: the stream's last (`last`), or ending with a sync flush,
/// which leaves the output on a byte boundary without ending the stream.
fn deflate(piece: &[u8], last: bool) -> io::Result<Bytes> {
    let mut compress = Compress::new(Compression::default(), false);
    let flush = if last { FlushCompress::Finish } else { FlushCompress::Sync };
    let mut deflated = Vec::with_capacity(piece.len() / 2 + 64);
    loop {
        if deflated.len() == deflated.capacity() {
            deflated.reserve(deflated.capacity());
        }
        let read = compress.total_in() as usize;
        let status = compress.compress_vec(&piece[read..], &mut deflated, flush).map_err(io::Error::other)?;
        let all_read = compress.total_in() as usize == piece.len();
        // A flush is complete when it stopped with room left in the output.
        let flushed = !last && all_read && deflated.len() < deflated.capacity();
        if status == Status::StreamEnd || flushed {
            return Ok(Bytes::from(deflated));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn gunzip(gzip: &[u8]) -> String {
        let mut page = String::new();
        flate2::read::GzDecoder::new(gzip).read_to_string(&mut page).expect("a whole gzip member, its checksum right");
        page
    }

    #[test]
    fn every_answer_is_the_page_with_its_own_nonce_plain_and_gzipped() {
        let old = "AAAAAAAAAAAAAAAAAAAAAA";
        let body: String = (0..2000).map(|i| format!("<tr><td>Område {i}</td><td>{}</td></tr>", i % 7)).collect();
        let pages = [
            "no nonce at all".to_owned(),
            old.to_owned(),
            format!("<script nonce=\"{old}\"></script><link crossorigin=\"{old}\">{body}<script nonce=\"{old}\">"),
            format!("<head nonce=\"{old}\"></head>{body}"),
            String::new(),
        ];
        for page in pages {
            let spliced = Spliced::cut(&Bytes::from(page.clone()), old).unwrap();
            for new in ["ZZZZZZZZZZZZZZZZZZZZZZ", "a-b_c0123456789xyzXYZ0"] {
                let expected = page.replace(old, new);
                assert_eq!(String::from_utf8(spliced.plain(new)).unwrap(), expected);
                assert_eq!(gunzip(&spliced.gzip(new)), expected, "{page:.40}");
            }
        }
    }

    #[test]
    fn the_page_is_compressed_about_as_well_as_whole() {
        let old = "AAAAAAAAAAAAAAAAAAAAAA";
        let body: String = (0..2000).map(|i| format!("<tr><td>Område {i}</td><td>{}</td></tr>", i % 7)).collect();
        let page = format!("<script nonce=\"{old}\"></script>{body}");
        let spliced = Spliced::cut(&Bytes::from(page.clone()), old).unwrap();
        let mut whole = flate2::write::GzEncoder::new(Vec::new(), Compression::default());
        io::Write::write_all(&mut whole, page.as_bytes()).unwrap();
        let whole = whole.finish().unwrap().len();
        assert!(spliced.gzip(old).len() < whole + 64, "{} against {whole}", spliced.gzip(old).len());
    }
}
