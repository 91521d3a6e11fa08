"""/docs and /redoc work offline: every asset they load is served by TalentScout itself."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import httpx
import pytest

ASSET = re.compile(r"""(?:src|href|spec-url)\s*=\s*["']([^"']+)["']|url\s*:\s*["']([^"']+)["']""")
CONTENT_TYPES = {
    ".js": "javascript",
    ".css": "text/css",
    ".png": "image/png",
    ".json": "application/json",
}


def loaded_urls(html: str) -> list[str]:
    """Every URL the page loads: script/link sources, ReDoc's ``spec-url`` and Swagger UI's
    ``url:`` option."""
    return [a or b for a, b in ASSET.findall(html)]


@pytest.mark.parametrize(("page", "kinds"), [("/docs", {".js", ".css"}), ("/redoc", {".js"})])
async def test_docs_pages_load_only_same_origin_assets_that_are_served(
    client: httpx.AsyncClient, page: str, kinds: set[str]
) -> None:
    response = await client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "cdn.jsdelivr.net" not in html
    assert "fonts.googleapis.com" not in html
    urls = loaded_urls(html)
    assert "/openapi.json" in urls
    served = set()
    for url in urls:
        parts = urlsplit(urljoin("http://testserver" + page, url))
        assert (parts.scheme, parts.netloc) == ("http", "testserver"), url  # same origin
        asset = await client.get(parts.path)
        assert asset.status_code == 200, url
        suffix = parts.path[parts.path.rfind(".") :]
        assert CONTENT_TYPES[suffix] in asset.headers["content-type"], url
        assert len(asset.content) > 100, url  # the real file, not an empty stand-in
        served.add(suffix)
    assert kinds <= served


async def test_swagger_ui_is_a_build_that_renders_openapi_3_1(client: httpx.AsyncClient) -> None:
    """Swagger UI before 5.0 refuses an ``openapi: 3.1.0`` document ("Unable to render")."""
    assert (await client.get("/openapi.json")).json()["openapi"].startswith("3.1")
    html = (await client.get("/docs")).text
    [bundle] = [url for url in loaded_urls(html) if url.endswith("swagger-ui-bundle.js")]
    script = (await client.get(bundle)).text
    version = re.search(r'PACKAGE_VERSION:"(\d+)\.\d+\.\d+"', script)
    assert version is not None
    assert int(version[1]) >= 5


async def test_the_oauth2_redirect_page_is_local_too(client: httpx.AsyncClient) -> None:
    response = await client.get("/docs/oauth2-redirect")
    assert response.status_code == 200
    assert "https://" not in re.sub(r"<!--.*?-->|//[^\n]*", "", response.text)
