"""``python -m talentscout`` = the ``talentscout`` command."""

from talentscout.cli import app

app()
