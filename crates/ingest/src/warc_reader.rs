//! WARC archives: each `response` record holding an HTML page becomes a
//! document whose id and URL are the record's target URI.
//!
//! Records are framed here (version line, headers, `Content-Length` bytes of
//! block): a malformed record is reported and reading resumes at the next
//! line that starts a record, so one bad record costs only itself.

use newsfuse_doc::Format;

use crate::decode::{decode, Declared};
use crate::{html_document, origin, Ctx, Failure, FileOutcome, ReadError};

/// One record's named headers and its block.
struct Record<'a> {
    headers: Vec<(&'a str, &'a str)>,
    block: &'a [u8],
}

impl Record<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| *v)
    }
}

/// Parses the record at `at`; returns it and where the next one may start.
fn record_at(bytes: &[u8], at: usize) -> Result<(Record<'_>, usize), String> {
    let rest = &bytes[at..];
    if !rest.starts_with(b"WARC/") {
        return Err("no WARC version line".into());
    }
    let (head_len, sep) = find(rest, b"\r\n\r\n").map(|p| (p, 4)).or_else(|| find(rest, b"\n\n").map(|p| (p, 2))).ok_or("headers never end")?;
    let head = std::str::from_utf8(&rest[..head_len]).map_err(|_| "headers are not UTF-8")?;
    let headers: Vec<(&str, &str)> = head.lines().skip(1).filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim(), v.trim())).collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
        .ok_or("no Content-Length")?
        .1
        .parse()
        .map_err(|_| "Content-Length is not a number")?;
    let start = at + head_len + sep;
    let end = start.checked_add(length).filter(|&e| e <= bytes.len()).ok_or("the file ends inside this record (cut off?)")?;
    Ok((Record { headers, block: &bytes[start..end] }, end))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The next line at or after `from` that starts a record.
fn next_record(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let p = at + find(bytes.get(at..)?, b"WARC/1.")?;
        if p == 0 || bytes[p - 1] == b'\n' {
            return Some(p);
        }
        at = p + 1;
    }
}

pub(crate) fn read(ctx: &Ctx<'_>, bytes: &[u8]) -> FileOutcome {
    let mut out = FileOutcome::default();
    let mut at = next_record(bytes, 0);
    let mut index = 0u32;
    while let Some(pos) = at {
        index += 1;
        let fail = |error: ReadError| Failure {
            path: ctx.shown.to_string(),
            location: Some(format!("record {index}")),
            error,
        };
        let record = match record_at(bytes, pos) {
            Ok((record, end)) => {
                at = next_record(bytes, end);
                record
            }
            Err(why) => {
                out.failures.push(fail(ReadError::Parse(format!("malformed WARC record: {why}"))));
                at = next_record(bytes, pos + 1);
                continue;
            }
        };
        if out.documents.len() > ctx.options.max_documents {
            break;
        }
        if !record.header("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response")) {
            continue;
        }
        let uri = record.header("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
        let Some((headers, body)) = split_http(record.block) else {
            continue;
        };
        let content_type = header_value(headers, "content-type").unwrap_or_default().to_ascii_lowercase();
        if !content_type.is_empty() && !content_type.contains("html") {
            continue;
        }
        let charset = content_type.split("charset=").nth(1).map(|c| c.trim_matches([' ', '"', ';']).to_string());
        let declared = charset.as_deref().map_or(Declared::None, Declared::Header);
        let decoded = match decode(body, declared, true) {
            Ok(d) => d,
            Err(e) => {
                out.failures.push(fail(e));
                continue;
            }
        };
        let id = uri.clone().unwrap_or_else(|| format!("{}#{index}", ctx.stem));
        match html_document(ctx, &decoded.text, origin(ctx.shown, Format::Warc, Some(index), &decoded), Some(id), uri) {
            Ok(doc) => out.documents.push(doc),
            Err(e) => out.failures.push(fail(e)),
        }
    }
    out
}

/// Splits an HTTP response into its header block and body.
fn split_http(payload: &[u8]) -> Option<(&str, &[u8])> {
    if !payload.starts_with(b"HTTP/") {
        return None;
    }
    let pos = payload.windows(4).position(|w| w == b"\r\n\r\n").map(|p| (p, 4)).or_else(|| payload.windows(2).position(|w| w == b"\n\n").map(|p| (p, 2)))?;
    let headers = std::str::from_utf8(&payload[..pos.0]).ok()?;
    Some((headers, &payload[pos.0 + pos.1..]))
}

fn header_value(headers: &str, name: &str) -> Option<String> {
    headers.lines().find_map(|line| {
        let (k, v) = line.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_string())
    })
}

#[cfg(test)]
mod tests {
    use crate::{read_bytes, ReadOptions};

    fn record(uri: &str, http: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Date: 2025-03-11T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            "12345678-1234-1234-1234-123456789abc",
            http.len()
        )
    }

    #[test]
    fn response_records_become_documents() {
        let page = "<html><head><title>Port reopens</title></head><body><article><p>The port of Elvara reopened on Wednesday after a three-day closure caused by the storm, the harbour authority said in a statement.</p><p>Shipping companies said delays would last until the end of the week as vessels queue outside the breakwater.</p></article></body></html>";
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
        let warc = record("https://herald.example/2025/03/11/port", &http);
        let out = read_bytes("a.warc", "a.warc", warc.as_bytes(), &ReadOptions::default());
        assert!(out.failures.is_empty(), "{:?}", out.failures);
        assert_eq!(out.documents.len(), 1);
        let d = &out.documents[0];
        assert_eq!(d.id, "https://herald.example/2025/03/11/port");
        assert_eq!(d.published.date.as_deref(), Some("2025-03-11"));
        assert!(d.text.starts_with("The port of Elvara reopened"));
    }

    #[test]
    fn a_bad_record_costs_only_itself() {
        let page = |n: u32| format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>Report {n}: the port of Elvara reopened on Wednesday after a three-day closure caused by the storm, the harbour authority said.</p></article></body></html>");
        let good = |n: u32| record(&format!("https://herald.example/{n}"), &page(n));
        // A record whose Content-Length is a lie, one without it, then good ones.
        let liar = good(2).replacen("Content-Length: ", "Content-Length: 9", 1);
        let no_length = good(3).replace("Content-Length", "X-Length");
        let warc = format!("{}{liar}{no_length}{}{}", good(1), good(4), good(5));
        let out = read_bytes("a.warc", "a.warc", warc.as_bytes(), &ReadOptions::default());
        let ids: Vec<&str> = out.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["https://herald.example/1", "https://herald.example/4", "https://herald.example/5"], "{:?}", out.failures);
        assert_eq!(out.failures.len(), 2, "{:?}", out.failures);
        assert!(out.failures.iter().all(|f| f.to_string().contains("malformed WARC record")));
        // Cut off in the last record: the complete ones are kept.
        let cut = &warc[..warc.len() - 40];
        let out = read_bytes("a.warc", "a.warc", cut.as_bytes(), &ReadOptions::default());
        assert_eq!(out.documents.len(), 2);
        assert!(out.failures.last().unwrap().to_string().contains("cut off"));
    }
}
