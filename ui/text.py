"""Showing untrusted text (article titles, sources, quotes, names) in Streamlit without interpreting it.

Prefer `st.text`, which never interprets Markdown or HTML. Where Markdown is wanted around a value
(a heading, bold), pass the value through `md_escape` first.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Any ASCII punctuation may be backslash-escaped in CommonMark. These are the characters that start
# emphasis, code, links and images, raw HTML and entities, tables, and Streamlit's own extensions
# ($…$ maths, :colour[…] directives, :emoji: shortcodes), and "@", which GitHub-flavoured Markdown would
# make an e-mail address into a link.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>!|$:~&@])")
# "www.example.org" becomes a link in GitHub-flavoured Markdown too: the dot after "www" goes escaped.
_WWW = re.compile(r"(?i)\b(www)\.")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def md_escape(text: object) -> str:
    """`text` as Markdown that renders exactly those characters, on one line."""
    flat = " ".join(str(text if text is not None else "").split())
    flat = _WWW.sub(r"\1\\.", _MD_SPECIAL.sub(r"\\\1", flat))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), flat)


def safe_url(url: object) -> str | None:
    """`url` when it is a plain http(s) link, else None (no javascript:, data: or relative links)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in url for c in ' "<>`\\\n\r\t'):
        return None
    return url
