"""The ``talentscout`` command: serve, worker, demo, admin, pool, taxonomy, eval."""

from __future__ import annotations

import asyncio
import json
import logging
import warnings
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from talentscout import runtime
from talentscout.cli_admin import admin
from talentscout.cli_common import Command, console, err, fail, print_json, run
from talentscout.settings import ConfigurationError, get_settings

# The embedded server's library (pgserver) asks for the runtime dir at import only to place an
# inter-process lock file, and falls back to the temporary dir: nothing for a user to act on.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")


class _Commands(TyperGroup):
    """Every command: a setting the process cannot run with is one line on stderr, exit 2."""

    def invoke(self, ctx: Any) -> Any:  # click.Context (vendored by recent typer releases)
        try:
            return super().invoke(ctx)
        except ConfigurationError as exc:
            fail(str(exc), code=2)


app = typer.Typer(
    cls=_Commands, help="TalentScout: self-hostable AI candidate sourcing.", no_args_is_help=True
)
pool_cli = typer.Typer(help="The talent pool.", no_args_is_help=True)
taxonomy_cli = typer.Typer(help="The skills and job-title taxonomy.", no_args_is_help=True)
app.add_typer(admin, name="admin")
app.add_typer(pool_cli, name="pool")
app.add_typer(taxonomy_cli, name="taxonomy")


@app.callback()
def _quiet_by_default() -> None:
    """Commands print their own output; only warnings are logged (``serve`` and ``worker`` log
    at INFO)."""
    from talentscout.logs import configure_logging

    configure_logging(logging.WARNING)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    worker: Annotated[bool, typer.Option(help="Run an in-process worker.")] = True,
) -> None:
    """Run the HTTP API (with an in-process worker by default)."""
    import uvicorn

    from talentscout.app import create_app
    from talentscout.logs import configure_logging

    configure_logging()
    runtime.get_database()
    runtime.embedder()  # a model that cannot load is a clear error here, not at the first run
    options = get_settings().server_options
    uvicorn.run(create_app(run_worker=worker), host=host, port=port, log_config=None, **options)


@app.command()
def worker() -> None:
    """Run a worker alone (start as many as you like, on any machine sharing the database)."""
    from talentscout.logs import configure_logging
    from talentscout.worker import run_worker

    configure_logging()
    settings = get_settings()
    url = runtime.prepare_database(settings)
    runtime.embedder()  # as in serve: fail at start, not in every job
    asyncio.run(run_worker(url, settings))


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    size: Annotated[
        int, typer.Option(min=1, help="Demo pool size (a larger existing pool is kept).")
    ] = 3000,
    serve_api: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Keep serving after the example run.")
    ] = True,
) -> None:
    """Load the demo talent pool, show an example sourcing run, then serve the API."""
    from talentscout.demo_run import run_demo

    run_demo(host=host, port=port, size=size, serve_api=serve_api)


@pool_cli.command("import", cls=Command)
def pool_import(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", exists=True, dir_okay=False, readable=True)
    ],
    company: Annotated[str, typer.Option(help="Company id.")],
    batch: Annotated[int, typer.Option(min=1, help="Profiles per transaction.")] = 200,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Import JSON Resume (.json), JSON Lines (.jsonl) or CSV profiles into a company's pool.

    Exits 1 when no item of the file could be imported."""
    from talentscout.cli_import import print_import
    from talentscout.pool.bulk import import_file

    result = run(lambda: import_file(file, company, batch, show_progress=not as_json))
    if as_json:
        print_json(result)  # items keep the API's 0-based ``index``
    else:
        print_import(file, result)
    if not result["created"] + result["updated"] + result["unchanged"]:
        rejected = len(result["errors"])
        if not rejected:
            fail(f"{file} holds no profiles")
        which = "the only item of" if rejected == 1 else f"all {rejected} items of"
        fail(f"nothing was imported: {which} {file} {'was' if rejected == 1 else 'were'} rejected")


@pool_cli.command("reindex")
def pool_reindex(
    company: Annotated[str, typer.Option(help="Company id.")],
    all_profiles: Annotated[
        bool, typer.Option("--all", help="Every profile, not only stale parses.")
    ] = False,
    batch: Annotated[int, typer.Option(min=1, help="Profiles per transaction.")] = 200,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Re-parse, re-embed and re-index a pool after a taxonomy import or an upgrade."""
    from talentscout.pool.bulk import reindex_company

    counts = run(
        lambda: reindex_company(
            company, batch, stale_only=not all_profiles, show_progress=not as_json
        )
    )
    if as_json:
        print_json(counts)
    else:
        console.print(f"checked {counts['checked']}, reindexed {counts['reindexed']}")


@taxonomy_cli.command("import")
def taxonomy_import(
    onet: Annotated[
        Path | None, typer.Option(help="O*NET database folder (tab-separated text release).")
    ] = None,
    esco: Annotated[Path | None, typer.Option(help="ESCO skills_en_labels.csv.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Extend the taxonomy from O*NET and/or ESCO; every process picks it up at start-up."""
    from talentscout.taxonomy_import import run_import

    if onet is None and esco is None:
        fail("give --onet DIR and/or --esco FILE", code=2)
    for path, kind in ((onet, "dir"), (esco, "file")):
        if path is not None and not (path.is_dir() if kind == "dir" else path.is_file()):
            fail(f"{path} is not a {'folder' if kind == 'dir' else 'file'}", code=2)
    counts = run_import(get_settings().data_dir, onet, esco)
    if as_json:
        print_json(counts)
    else:
        console.print(
            f"imported {counts['skills']} skills and {counts['titles']} title families; "
            f"taxonomy now has {counts['total_skills']} skills, {counts['total_titles']} families"
        )
        console.print(
            "restart the API and workers to use it; the first worker to start re-indexes "
            "stored profiles in the background (or run "
            "`talentscout pool reindex --company ID` for each company)"
        )


@app.command("eval", cls=Command)
def evaluate(
    directory: Annotated[Path, typer.Argument(metavar="DIRECTORY", exists=True, file_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    details: Annotated[
        Path | None, typer.Option(help="Also write per-query results and spreads to this file.")
    ] = None,
) -> None:
    """Measure ranking quality on a task directory, beside lexical and embedding baselines."""
    from talentscout.evaluation.runner import evaluate as run_evaluation

    def progress(message: str) -> None:
        if not as_json:
            err.print(f"[dim]{message}[/dim]")

    try:
        result = asyncio.run(run_evaluation(directory, runtime.embedder(), progress))
    except ValueError as exc:
        fail(str(exc), code=2)
    if details is not None:
        details.write_text(json.dumps(result, indent=1))
    if as_json:
        print_json({k: result[k] for k in ("task", "metrics", "baselines")})
        return
    from talentscout.evaluation.report import metrics_table, summary_lines

    console.print(metrics_table(result))
    for line in summary_lines(result):
        console.print(line)
