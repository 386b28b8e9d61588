"""The response headers that keep other sites from scripting the dashboard, as ASGI middleware.

Streamlit's component frames (streamlit-component-lib's handler, in every v1 component such as
streamlit-folium, which shows the map) take `streamlit:render` messages from any sender and act on what they
carry: streamlit-folium runs the map script a message brings. A page on another site that
frames the dashboard, or opens it with `window.open`, holds a handle to those frames and can post to them.
These headers take that handle away in the browser, whatever renders the map:

- `Cross-Origin-Opener-Policy: same-origin`: a page of another origin that opens the dashboard gets a
  closed window back, with no frames to post to;
- `Content-Security-Policy: frame-ancestors 'self'` (and the older `X-Frame-Options`): only the dashboard
  itself may frame its pages (its component iframes), no other site.

Streamlit has no setting for response headers, so `dashboard.py` serves itself as an `st.App` with this
middleware (`streamlit run dashboard.py` finds that app); behind a reverse proxy the same headers can be set
there too (the README lists them).
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS: dict[str, str] = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Content-Security-Policy": "frame-ancestors 'self'",
    "X-Frame-Options": "SAMEORIGIN",
    "X-Content-Type-Options": "nosniff",
}


class SecurityHeaders:
    """Set `SECURITY_HEADERS` on every HTTP response (pages, static files, component frames), replacing any
    value of the same name. WebSocket traffic passes through untouched."""

    def __init__(self, app: ASGIApp, headers: dict[str, str] | None = None) -> None:
        self.app = app
        pairs = (headers or SECURITY_HEADERS).items()
        self._names = {name.lower().encode("latin-1") for name, _ in pairs}
        self._headers = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in pairs]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self._names]
                message = {**message, "headers": kept + self._headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


MIDDLEWARE = [Middleware(SecurityHeaders)]
