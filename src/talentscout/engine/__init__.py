"""The matching engine: pure functions from data to data (no I/O, no database)."""
