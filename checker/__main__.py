"""python -m checker: the factlint command."""

from checker.cli import main

main()
