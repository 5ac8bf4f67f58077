"""Reads what a recap produced with Python's standard library (an independent parser) and prints
it as JSON.

Usage: check_mail.py eml FILE     -> headers decoded (RFC 2047), body decoded, format checks
       check_mail.py mailto FILE  -> the mailto: URI's addresses, subject and body, decoded
"""
import email
import email.policy
import json
import sys
from urllib.parse import parse_qs, unquote, urlsplit


def eml(path):
    data = open(path, "rb").read()
    head = data.split(b"\r\n\r\n", 1)[0]
    lines = data.split(b"\r\n")
    msg = email.message_from_bytes(data, policy=email.policy.default)
    part = msg.get_body(preferencelist=("plain",))
    return {
        "crlf_only": b"\n" not in data.replace(b"\r\n", b""),
        "headers_ascii": all(b < 128 for b in head),
        "max_line_octets": max(len(l) for l in lines),
        "subject": str(msg["Subject"]),
        "raw_subject": head.split(b"Subject:", 1)[1].split(b"\r\n", 1)[0].decode("ascii").strip(),
        "from": [{"name": a.display_name, "email": a.addr_spec} for a in msg["From"].addresses]
        if msg["From"] else [],
        "to": [{"name": a.display_name, "email": a.addr_spec} for a in msg["To"].addresses],
        "content_type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "transfer_encoding": str(part["Content-Transfer-Encoding"]),
        "mime_version": str(msg["MIME-Version"]),
        "x_unsent": str(msg["X-Unsent"]),
        "has_date": msg["Date"] is not None,
        "has_message_id": msg["Message-ID"] is not None,
        "body": part.get_content(),
    }


def mailto(path):
    uri = open(path, "r", encoding="ascii").read().strip()
    parts = urlsplit(uri)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    return {
        "ascii_only": all(ord(c) < 128 for c in uri),
        "has_space": " " in uri,
        "to": [unquote(a) for a in parts.path.split(",") if a],
        "subject": query["subject"][0],
        "body": query["body"][0],
    }


def main():
    kind, path = sys.argv[1], sys.argv[2]
    out = eml(path) if kind == "eml" else mailto(path)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
