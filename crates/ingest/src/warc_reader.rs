//! WARC archives: each `response` record holding an HTML page becomes a
//! document whose id and URL are the record's target URI.

use std::io::BufReader;

use newsfuse_doc::Format;

use crate::decode::{decode, Declared};
use crate::{html_document, origin, Ctx, Failure, FileOutcome, ReadError};

pub(crate) fn read(ctx: &Ctx<'_>, bytes: &[u8]) -> FileOutcome {
    let reader = warc::WarcReader::new(BufReader::new(bytes));
    let mut out = FileOutcome::default();
    for (i, record) in reader.iter_records().enumerate() {
        let index = i as u32 + 1;
        let fail = |error: ReadError| Failure {
            path: ctx.shown.to_string(),
            location: Some(format!("record {index}")),
            error,
        };
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.failures.push(fail(ReadError::Parse(format!("malformed WARC record: {e}"))));
                // The reader cannot resynchronise after a framing error.
                break;
            }
        };
        if *record.warc_type() != warc::RecordType::Response {
            continue;
        }
        let uri = record.header(warc::WarcHeader::TargetURI).map(|u| u.into_owned());
        let Some((headers, body)) = split_http(record.body()) else {
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
}
