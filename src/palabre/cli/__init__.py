"""The `palabre` command line (French help first)."""
