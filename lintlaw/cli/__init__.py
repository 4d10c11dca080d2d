"""Command-line interface (typer). The only layer that prints, styles output or picks exit codes."""
