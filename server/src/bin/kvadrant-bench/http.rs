//! A minimal HTTP/1.1 client on one keep-alive connection: JSON requests on loopback, nothing more.

use std::io;
use std::net::SocketAddr;

use tokio::net::TcpStream;

use crate::chunked::ChunkedDecoder;

/// A response head larger than this is not from the servers under test.
const MAX_HEAD: usize = 64 * 1024;
const READ_SIZE: usize = 16 * 1024;

pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

/// The parts of a response head that decide how to read the body.
#[derive(Debug, PartialEq, Eq)]
pub struct ResponseHead {
    pub status: u16,
    pub content_length: Option<usize>,
    pub chunked: bool,
    pub close: bool,
}

pub struct HttpConnection {
    stream: TcpStream,
    host: String,
    /// Read but not yet used.
    buffer: Vec<u8>,
    reusable: bool,
}

impl HttpConnection {
    pub async fn open(addr: SocketAddr) -> io::Result<HttpConnection> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(HttpConnection { stream, host: addr.to_string(), buffer: Vec::with_capacity(READ_SIZE), reusable: true })
    }

    /// False once the server said it closes the connection, or left it in an unknown state.
    pub fn reusable(&self) -> bool {
        self.reusable
    }

    pub async fn request(
        &mut self,
        method: &str,
        path: &str,
        bearer: Option<&str>,
        json: Option<&str>,
    ) -> io::Result<Response> {
        self.reusable = false;
        let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\n", self.host);
        if let Some(secret) = bearer {
            request.push_str(&format!("Authorization: Bearer {secret}\r\n"));
        }
        if let Some(json) = json {
            request.push_str(&format!("Content-Type: application/json\r\nContent-Length: {}\r\n", json.len()));
        }
        request.push_str("\r\n");
        request.push_str(json.unwrap_or_default());
        write_all(&self.stream, request.as_bytes()).await?;

        let head_length = loop {
            if let Some(end) = head_end(&self.buffer) {
                break end;
            }
            if self.buffer.len() > MAX_HEAD {
                return Err(io::Error::new(io::ErrorKind::InvalidData, "response head too large"));
            }
            self.fill().await?;
        };
        let head = parse_head(&self.buffer[..head_length])?;
        self.buffer.drain(..head_length);
        let body = if method == "HEAD" || head.status == 204 || head.status == 304 || head.status < 200 {
            Vec::new()
        } else if head.chunked {
            self.read_chunked().await?
        } else if let Some(length) = head.content_length {
            while self.buffer.len() < length {
                self.fill().await?;
            }
            self.buffer.drain(..length).collect()
        } else {
            while self.fill_or_end().await? > 0 {}
            return Ok(Response { status: head.status, body: std::mem::take(&mut self.buffer) });
        };
        self.reusable = !head.close;
        Ok(Response { status: head.status, body })
    }

    async fn read_chunked(&mut self) -> io::Result<Vec<u8>> {
        let mut decoder = ChunkedDecoder::default();
        let mut body = Vec::new();
        loop {
            let consumed = decoder
                .feed(&self.buffer, &mut |data| body.extend_from_slice(data))
                .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))?;
            self.buffer.drain(..consumed);
            if decoder.is_done() {
                return Ok(body);
            }
            self.fill().await?;
        }
    }

    async fn fill(&mut self) -> io::Result<()> {
        match self.fill_or_end().await? {
            0 => Err(io::Error::new(io::ErrorKind::UnexpectedEof, "server closed the connection")),
            _ => Ok(()),
        }
    }

    /// Reads what has arrived; 0 when the server closed the connection.
    async fn fill_or_end(&mut self) -> io::Result<usize> {
        loop {
            self.stream.readable().await?;
            let filled = self.buffer.len();
            self.buffer.resize(filled + READ_SIZE, 0);
            let outcome = self.stream.try_read(&mut self.buffer[filled..]);
            self.buffer.truncate(filled + *outcome.as_ref().unwrap_or(&0));
            match outcome {
                Ok(read) => return Ok(read),
                Err(error) if error.kind() == io::ErrorKind::WouldBlock => continue,
                Err(error) => return Err(error),
            }
        }
    }
}

pub async fn write_all(stream: &TcpStream, mut bytes: &[u8]) -> io::Result<()> {
    while !bytes.is_empty() {
        stream.writable().await?;
        match stream.try_write(bytes) {
            Ok(written) => bytes = &bytes[written..],
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => continue,
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

/// Where the response head ends, its blank line included.
pub fn head_end(bytes: &[u8]) -> Option<usize> {
    bytes.windows(4).position(|window| window == b"\r\n\r\n").map(|at| at + 4)
}

pub fn parse_head(head: &[u8]) -> io::Result<ResponseHead> {
    let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, format!("invalid response: {what}"));
    let head = std::str::from_utf8(head).map_err(|_| invalid("head is not UTF-8"))?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split(' ');
    if !parts.next().is_some_and(|version| version.starts_with("HTTP/1.")) {
        return Err(invalid(status_line));
    }
    let status = parts.next().and_then(|code| code.parse().ok()).ok_or_else(|| invalid(status_line))?;
    let mut parsed =
        ResponseHead { status, content_length: None, chunked: false, close: status_line.starts_with("HTTP/1.0") };
    for line in lines.filter(|line| !line.is_empty()) {
        let (name, value) = line.split_once(':').ok_or_else(|| invalid(line))?;
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            parsed.content_length = Some(value.parse().map_err(|_| invalid(line))?);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            parsed.chunked = value.to_ascii_lowercase().split(',').any(|coding| coding.trim() == "chunked");
        } else if name.eq_ignore_ascii_case("connection") {
            parsed.close = value.eq_ignore_ascii_case("close");
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_decides_the_body() {
        let head = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
        assert_eq!(head_end(head), Some(head.len()));
        let parsed = parse_head(head).unwrap();
        assert_eq!(parsed, ResponseHead { status: 200, content_length: None, chunked: true, close: false });
        let parsed = parse_head(b"HTTP/1.1 409 Conflict\r\ncontent-length: 12\r\nconnection: close\r\n\r\n").unwrap();
        assert_eq!(parsed, ResponseHead { status: 409, content_length: Some(12), chunked: false, close: true });
        assert!(parse_head(b"SSH-2.0-OpenSSH\r\n\r\n").is_err());
    }
}
