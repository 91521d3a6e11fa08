"""Cards rendered by a real browser (Debian's headless Chromium): the screenshot is not blank and
the text is visible — pixels that contrast with the theme's background — in both themes.

CI installs ``chromium`` (see ``.ci/run``); elsewhere the test is skipped when it is absent.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest

from talentscout.db.engine import Database
from talentscout.enrichment.cards import PALETTES
from tests.factories import import_profiles, make_profile, make_tenant

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _page(card: str, background: str) -> str:
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>card</title></head>'
        f'<body style="margin:0;padding:24px;background-color:{background};">{card}</body></html>'
    )


def _chromium(tmp: Path, page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *extra, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _luminance(rgb: tuple[int, ...]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else float(((c + 0.055) / 1.055) ** 2.4)

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _hex(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


@pytest.mark.parametrize("theme", ["dark", "light"])
async def test_cards_are_visible_in_a_real_browser(
    theme: str, client: httpx.AsyncClient, database: Database, tmp_path: Path
) -> None:
    from PIL import Image

    tenant = await make_tenant(database)
    profile = make_profile(name="Ada Example", title="Principal Engineer", company="Analytical Co")
    profile["basics"]["profiles"] = [{"network": "GitHub", "url": "https://github.com/ada-example"}]
    (pid,) = (await import_profiles(client, tenant, [profile]))["profileIds"]
    response = await client.post(
        "/sourcing/render-html", json={"profileIds": [pid], "theme": theme}, headers=tenant.headers
    )
    card: dict[str, Any] = response.json()["data"][0]
    background = PALETTES[theme].bg
    page = tmp_path / f"{theme}.html"
    page.write_text(_page(card["htmlContent"], background), encoding="utf-8")

    shot = tmp_path / f"{theme}.png"
    done = await asyncio.to_thread(
        _chromium, tmp_path, page, f"--screenshot={shot}", "--window-size=800,600"
    )
    assert shot.exists(), done.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (800, 600)
    pixels = np.asarray(image, dtype=np.float64) / 255.0
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 20, "blank screenshot"
    assert image.getpixel((5, 5)) == _hex(background)
    linear = np.where(pixels <= 0.03928, pixels / 12.92, ((pixels + 0.055) / 1.055) ** 2.4)
    luminance = linear @ np.array([0.2126, 0.7152, 0.0722])
    bg = _luminance(_hex(background))
    contrast = (np.maximum(luminance, bg) + 0.05) / (np.minimum(luminance, bg) + 0.05)
    text_pixels = int((contrast >= 4.5).sum())  # WCAG AA for body text
    print(f"{theme}: {text_pixels} pixels contrast at least 4.5:1 with {background}")
    assert text_pixels > 1000, f"only {text_pixels} pixels contrast 4.5:1 with the background"

    dom = await asyncio.to_thread(_chromium, tmp_path, page, "--dump-dom")
    assert "Ada Example" in dom.stdout
    assert "Principal Engineer at Analytical Co" in dom.stdout
    assert 'href="https://github.com/ada-example"' in dom.stdout
