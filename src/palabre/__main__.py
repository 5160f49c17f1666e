"""`python -m palabre` runs the CLI."""

from palabre.cli.main import main

main()
