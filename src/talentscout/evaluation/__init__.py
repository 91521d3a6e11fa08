"""``talentscout eval``: measure ranking quality on human-judged task directories."""
