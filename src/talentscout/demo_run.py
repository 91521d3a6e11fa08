"""``talentscout demo``: the one-command tour on the embedded database.

Loads the generated demo pool into a demo company of its own (once), creates a key for it, starts
the API with an in-process worker, runs one example sourcing request over real HTTP, prints the
shortlist and the curl commands to try next, then keeps serving.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time

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


async def prepare_demo_company(size: int) -> tuple[str, str]:
    """The demo company (created and filled once) and a fresh key for it."""
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
        new_key = await auth.create_key(session, company_id, list(ALL_SCOPES), name="demo")
    if count < size:
        profiles = generate_demo_pool(size)
        embedder = runtime.embedder()
        with console.status(f"Loading {size} generated demo profiles…"):
            for start in range(0, len(profiles), 250):
                batch = list(enumerate(profiles[start : start + 250], start))
                async with database.unit_of_work() as session:
                    await upsert_profiles(session, company_id, batch, embedder)
    return company_id, new_key.secret


def _example_run(base: str, key: str) -> None:
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=base, headers=headers, timeout=30) as http:
        accepted = http.post("/sourcing", json=EXAMPLE_JOB).json()
        run_id = accepted["requestId"]
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
        return
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
    console.print(
        f"\nTry it yourself (the demo company's key):\n  export KEY={key}\n"
        f'  curl -s {base}/sourcing/{run_id}/results -H "Authorization: Bearer $KEY"\n'
        f'  curl -s -X POST {base}/sourcing -H "Authorization: Bearer $KEY" '
        "-H 'Content-Type: application/json' "
        '-d \'{"title": "Data Scientist", "jobDescription": "Python, SQL, ML"}\'\n'
        f"  API docs: {base}/docs"
    )


def run_demo(*, host: str, port: int, size: int, serve_api: bool) -> None:
    from talentscout.app import create_app

    configure_logging(logging.WARNING)
    runtime.get_database()
    _, key = asyncio.run(prepare_demo_company(size))
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
    console.print(f"TalentScout API on {base} (demo company key below)")
    _example_run(base, key)
    if not serve_api:
        server.should_exit = True
        thread.join()
        return
    console.print("\nServing; press Ctrl+C to stop.")
    try:
        thread.join()
    except KeyboardInterrupt:
        server.should_exit = True
        thread.join()
