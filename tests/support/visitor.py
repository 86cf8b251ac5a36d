"""A visitor of the real server with its own cookies (CSRF, session), for the Python end-to-end tests."""
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request


class Browser:
    """A visitor with cookies that does not follow redirects, so 303s can be checked."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), self.NoRedirect)

    def request(self, path, fields=None, headers=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=30) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def csrf(self, path):
        status, _, body = self.request(path)
        assert status == 200, (path, status)
        return re.search(rb'name="csrf" value="([0-9a-f]+)"', body).group(1).decode()

    def login(self, email, password):
        return self.request("/admin/login", {"csrf": self.csrf("/admin/login"), "email": email, "password": password})
