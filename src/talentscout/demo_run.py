"""``talentscout demo``: the one-command tour on the embedded database.

Loads the generated demo pool into a demo company of its own (once), creates a key for it, starts
the API with an in-process worker, runs one example sourcing request over real HTTP, prints the
shortlist and the curl commands to try next, then keeps serving (or, with ``--no-serve``, stops
and says how to serve).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from dataclasses import dataclass

import httpx
import uvicorn
from rich.console import Console

from talentscout import runtime
from talentscout.auth import service as auth
from talentscout.auth.keys import ALL_SCOPES
from talentscout.auth.repository import CompanyRepository
from talentscout.logs import configure_logging
from talentscout.pool.repository import ProfileRepository
from talentscout.pool.service import upsert_profiles
from talentscout.settings import get_settings

console = Console()
EXAMPLE_JOB = {
    "title": "Senior Backend Engineer",
    "jobDescription": "We are hiring a senior backend engineer to build our payments platform. "
    "Must have Python and PostgreSQL; Kafka is a plus. 5+ years of experience required.",
    "location": "Remote (EU)",
    "query": "fintech experience preferred",
    "limit": 10,
}


DEMO_KEY_NAME = "demo"


@dataclass(frozen=True)
class DemoSetup:
    company_id: str
    key: str
    profiles: int  # in the demo pool, now
    kept_larger: bool  # the pool already held more than --size profiles and was left as it was
    revoked: int  # earlier demo keys revoked


async def prepare_demo_company(size: int) -> DemoSetup:
    """The demo company (created once), its pool grown to ``size`` profiles, and a new key.

    Keys are stored only as a keyed hash, so an earlier demo key cannot be shown again: each run
    mints a new one and revokes the earlier demo keys, so they do not pile up. A pool larger than
    ``size`` is kept (the generated pool of a size is a prefix of any larger one)."""
    from talentscout.pool.demo import generate_demo_pool

    database = runtime.get_database()
    async with database.unit_of_work() as session:
        company = await CompanyRepository.from_session(session).find_demo()
        if company is None:
            company = await auth.create_company(
                session, "Demo Company (generated data)", is_demo=True
            )
        company_id = company.id
        count = await ProfileRepository.from_session(session).count(company_id)
        revoked = await auth.revoke_named_keys(session, company_id, DEMO_KEY_NAME)
        new_key = await auth.create_key(session, company_id, list(ALL_SCOPES), name=DEMO_KEY_NAME)
    if count < size:
        profiles = generate_demo_pool(size)
        embedder = runtime.embedder()
        with console.status(f"Loading {size} generated demo profiles…"):
            for start in range(0, len(profiles), 250):
                batch = list(enumerate(profiles[start : start + 250], start))
                async with database.unit_of_work() as session:
                    await upsert_profiles(session, company_id, batch, embedder)
        async with database.unit_of_work() as session:
            count = await ProfileRepository.from_session(session).count(company_id)
    return DemoSetup(company_id, new_key.secret, count, count > size, revoked)


def _example_run(base: str, key: str) -> str | None:
    """POST the example job, poll its results and print the shortlist; answers the run id."""
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=base, headers=headers, timeout=30) as http:
        accepted = http.post("/sourcing", json=EXAMPLE_JOB).json()
        run_id: str = accepted["requestId"]
        console.print(f"POST /sourcing → 202 [bold]{run_id}[/bold]")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            response = http.get(f"/sourcing/{run_id}/results")
            if response.status_code == 200:
                break
            console.print(
                f"  processing… {response.json().get('candidatesSourcedCount', 0)} sourced"
            )
            time.sleep(0.5)
        body = response.json()
    if body.get("status") != "completed":
        console.print(f"[red]Run ended as {body.get('status')}: {body.get('errorCode')}[/red]")
        return None
    console.print(
        f"\n[bold]{EXAMPLE_JOB['title']}[/bold], {EXAMPLE_JOB['location']}: found "
        f"{body['foundCount']}, deep-scored {body['scoredCount']}, top {len(body['candidates'])}:\n"
    )
    for candidate in body["candidates"]:
        console.print(
            f"[bold]{candidate['matchScore']:>3}[/bold]  {candidate['name']}"
            + (f" — {candidate['headline']}" if candidate["headline"] else "")
            + f" ({candidate['location'] or 'location unknown'})"
        )
        console.print(f"     {candidate['rationale']}", style="dim")
        for point in candidate["aiFitPoints"][:2]:
            console.print(f"     [green]+[/green] {point}")
        for flag in candidate["aiRedFlags"][:1]:
            console.print(f"     [yellow]![/yellow] {flag}")
    return run_id


def _plain(line: str = "") -> None:
    """A line to copy and paste: never wrapped nor styled, whatever the terminal width."""
    console.print(line, soft_wrap=True, markup=False, highlight=False)


def _print_setup(setup: DemoSetup, size: int) -> None:
    note = f"Demo pool: {setup.profiles} generated profiles"
    if setup.kept_larger:
        note += (
            f" (kept: --size {size} only ever grows the pool; to start from {size}, run the demo "
            f"on an empty data dir, e.g. TALENTSCOUT_DATA_DIR=/tmp/talentscout-demo talentscout "
            f"demo --size {size})"
        )
    _plain(note)
    if setup.revoked:
        _plain(f"Revoked {setup.revoked} earlier demo key(s); this run's key is below.")


def _print_next_steps(base: str, key: str, run_id: str | None) -> None:
    _plain("\nTry it yourself (the demo company's key):")
    _plain(f"  export KEY={key}")
    if run_id:
        _plain(f'  curl -s {base}/sourcing/{run_id}/results -H "Authorization: Bearer $KEY"')
    _plain(
        f'  curl -s -X POST {base}/sourcing -H "Authorization: Bearer $KEY" '
        "-H 'Content-Type: application/json' "
        '-d \'{"title": "Data Scientist", "jobDescription": "Python, SQL, ML"}\''
    )
    _plain(f"  API docs: {base}/docs")


def run_demo(*, host: str, port: int, size: int, serve_api: bool) -> None:
    from talentscout.app import create_app

    configure_logging(logging.WARNING)
    runtime.get_database()
    runtime.embedder()  # a model that cannot load is a clear error now, not a failed start
    setup = asyncio.run(prepare_demo_company(size))
    _print_setup(setup, size)
    runtime.set_database(None)  # the server opens its own engine on its own event loop
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(run_worker=True),
            host=host,
            port=port,
            log_level="warning",
            **get_settings().server_options,
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():  # the bind failed (uvicorn logged why): do not wait forever
            raise SystemExit(f"Could not serve on {host}:{port}; pick another with --port.")
        time.sleep(0.05)
    base = f"http://{host}:{port}"
    if serve_api:
        console.print(f"TalentScout API on {base} (demo company key below)")
    else:
        console.print("Example run on a temporary server (--no-serve: it stops afterwards)")
    run_id = _example_run(base, setup.key)
    if not serve_api:
        server.should_exit = True
        thread.join()
        _plain("\nThe server has stopped. The demo company's key, for `talentscout serve`:")
        _plain(f"  export KEY={setup.key}")
        _plain(f"  talentscout serve --host {host} --port {port}")
        return
    _print_next_steps(base, setup.key, run_id)
    console.print("\nServing; press Ctrl+C to stop.")
    try:
        thread.join()
    except KeyboardInterrupt:
        server.should_exit = True
        thread.join()
