"""``python -m lintlaw`` runs the command line."""

from lintlaw.cli.app import main

if __name__ == "__main__":
    main()
