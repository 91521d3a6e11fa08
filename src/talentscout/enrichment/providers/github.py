"""GitHub as an enrichment provider, over the public REST API.

``GET /users/{login}`` gives the public email, blog, name, bio, location and company;
``GET /users/{login}/repos?per_page=100&sort=pushed`` gives the languages someone actually writes.
The login comes from ``externalIds.github``, a ``basics.profiles`` entry for GitHub, or any
github.com profile URL in the record. The base URL is a setting so tests (and GitHub Enterprise
users) point it elsewhere; a token is optional (unauthenticated calls get 60 requests an hour).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from talentscout.enrichment.providers.base import (
    EmailFinding,
    Findings,
    LinkFinding,
    ProviderError,
    ProviderTimeout,
    Subject,
    clean_email,
    emails_in,
    link_kind,
    public_url,
)

SOURCE = "github"
LOGIN_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")
# First path segments of github.com that are site pages, not users.
NOT_USERS = frozenset(
    "about apps collections customer-stories enterprise explore features issues login "
    "marketplace notifications orgs pricing pulls search settings site sponsors topics "
    "trending".split()
)
TOP_LANGUAGES = 5


def _login_from(value: Any) -> str | None:
    """A GitHub login from a bare login, ``@login`` or a github.com profile URL."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().removeprefix("@")
    if "/" in text or "." in text:
        url = text if "://" in text else "https://" + text
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if (parts.hostname or "").lower().removeprefix("www.") != "github.com":
            return None
        segments = [s for s in parts.path.split("/") if s]
        text = segments[0] if segments else ""
        if text.lower() in NOT_USERS:
            return None
    return text if LOGIN_RE.fullmatch(text) else None


def _candidates(subject: Subject) -> Iterator[Any]:
    data = subject.data
    external = data.get("externalIds")
    if isinstance(external, Mapping):
        yield external.get("github")
    basics = data.get("basics") if isinstance(data.get("basics"), Mapping) else {}
    assert isinstance(basics, Mapping)
    for item in basics.get("profiles") or []:
        if isinstance(item, Mapping):
            if str(item.get("network") or "").strip().lower() == "github":
                yield item.get("username")
            yield item.get("url")
    yield basics.get("url")
    yield from subject.facts.get("links") or []


def github_login(subject: Subject) -> str | None:
    for value in _candidates(subject):
        if (login := _login_from(value)) is not None:
            return login
    return None


def top_languages(repos: Any) -> list[str]:
    """Languages of the person's own (non-fork) repositories, most repositories first."""
    counts: Counter[str] = Counter()
    for repo in repos if isinstance(repos, list) else []:
        if isinstance(repo, Mapping) and not repo.get("fork") and repo.get("language"):
            counts[str(repo["language"])] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [language for language, _ in ranked[:TOP_LANGUAGES]]


def _blog_url(blog: Any) -> str | None:
    if not isinstance(blog, str) or not blog.strip():
        return None
    text = blog.strip()
    return public_url(text if "://" in text else "https://" + text)


class GitHubProvider:
    name = SOURCE

    def __init__(self, client: httpx.AsyncClient) -> None:
        """``client`` carries the base URL, auth header and timeouts (see ``github_client``)."""
        self.client = client

    async def _get(self, path: str, params: dict[str, str] | None = None) -> Any:
        try:
            response = await self.client.get(path, params=params)
        except httpx.TimeoutException as exc:
            raise ProviderTimeout(f"GitHub did not answer {path}") from exc
        except httpx.HTTPError as exc:
            where = str(self.client.base_url).rstrip("/")
            raise ProviderError(SOURCE, f"could not reach {where} ({type(exc).__name__})") from exc
        if response.status_code == 404:
            return None
        if response.status_code == 429 or (
            response.status_code == 403 and response.headers.get("x-ratelimit-remaining") == "0"
        ):
            raise ProviderError(SOURCE, "rate limit exceeded")
        if response.status_code != 200:
            raise ProviderError(SOURCE, f"HTTP {response.status_code} for {path}")
        try:
            return response.json()
        except ValueError as exc:
            raise ProviderError(SOURCE, f"invalid JSON for {path}") from exc

    async def enrich(self, subject: Subject) -> Findings:
        findings = Findings(source=SOURCE)
        login = github_login(subject)
        if login is None:
            return findings
        user_path = f"/users/{login}"
        user = await self._get(user_path)
        if not isinstance(user, Mapping):
            return findings  # no such user (any more): nothing to add, not a failure
        evidence = str(self.client.base_url).rstrip("/") + user_path
        repos = await self._get(f"{user_path}/repos", {"per_page": "100", "sort": "pushed"})
        if isinstance(user.get("email"), str) and (email := clean_email(user["email"])):
            findings.emails.append(EmailFinding(email, SOURCE, evidence))
        for email in emails_in(user.get("bio")):
            if email not in {f.email for f in findings.emails}:
                findings.emails.append(EmailFinding(email, SOURCE, evidence + "#bio"))
        for url in (public_url(user.get("html_url")), _blog_url(user.get("blog"))):
            if url is not None:
                findings.links.append(LinkFinding(url, link_kind(url), SOURCE, evidence))
        twitter = user.get("twitter_username")
        if isinstance(twitter, str) and LOGIN_RE.fullmatch(twitter.strip()):
            url = f"https://x.com/{twitter.strip()}"
            findings.links.append(LinkFinding(url, "twitter", SOURCE, evidence))
        findings.profile = {
            "login": str(user.get("login") or login),
            "name": user.get("name"),
            "bio": user.get("bio"),
            "location": user.get("location"),
            "company": user.get("company"),
            "blog": _blog_url(user.get("blog")),
            "htmlUrl": public_url(user.get("html_url")),
            "hireable": user.get("hireable"),
            "publicRepos": user.get("public_repos"),
            "followers": user.get("followers"),
            "topLanguages": top_languages(repos),
            "updatedAt": user.get("updated_at"),
        }
        return findings


def github_client(base_url: str, token: str | None, timeout: float) -> httpx.AsyncClient:
    """One client per enrichment run. Its timeout is a backstop just above the per-profile
    budget, so the per-profile deadline (ENRICHMENT_TIMEOUT) is what normally fires."""
    headers = {
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": "talentscout-enrichment",
    }
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.AsyncClient(
        base_url=base_url.rstrip("/"),
        headers=headers,
        timeout=httpx.Timeout(timeout + 1.0),
        follow_redirects=True,
        max_redirects=3,
    )
