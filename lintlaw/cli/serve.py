"""``lintlaw serve``: the web page and JSON API, on localhost unless told otherwise."""

from __future__ import annotations

import socket

import typer

from lintlaw.errors import ConfigError
from lintlaw.web.errors import E370, E379

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def check_can_listen(host: str, port: int) -> None:
    """Raise E379 when ``host:port`` cannot be bound (in use, no such address, no permission)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", code=E379) from None


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this computer only; "
                                 "0.0.0.0: every network interface, see docs/serve.md)."),
        port: int = typer.Option(8000, "--port", help="Port to listen on."),
        max_upload_mb: float = typer.Option(20.0, "--max-upload-mb", help="Largest request accepted, in MB (413 beyond)."),
        time_limit: float = typer.Option(120.0, "--time-limit", help="Seconds one analysis may take."),
        workers: int = typer.Option(2, "--workers", help="Analyses run at the same time, each in its own process."),
    ) -> None:
        """Serve a web page where a law is dropped in and its report read (needs the web extra)."""
        if not 0 < port < 65536 or max_upload_mb <= 0 or time_limit <= 0 or workers < 1:
            raise ConfigError("--port must be 1-65535; --max-upload-mb, --time-limit and --workers above 0",
                              code=E379)
        try:
            import uvicorn

            from lintlaw.web.app import create_app
        except ImportError as exc:
            raise ConfigError(f"lintlaw serve needs the web extra ({exc.name} is missing): "
                              "pip install 'lintlaw[web]'", code=E370) from None
        from lintlaw.config import load_config
        from lintlaw.engine import load_rules
        from lintlaw.web.settings import MB, ServeSettings

        load_rules(load_config().rule_dirs)  # a broken configuration or rule file stops here, not at the first upload
        check_can_listen(host, port)

        settings = ServeSettings(max_upload_bytes=int(max_upload_mb * MB), time_limit=time_limit, workers=workers)
        shown = f"[{host}]" if ":" in host else host
        scope = ("this computer only" if host in LOCAL_HOSTS
                 else "every computer that can reach this address: see docs/serve.md before using it on a network")
        typer.echo(f"lintlaw serve: open http://{shown}:{port}/ (listening on {host}: {scope}). Ctrl+C stops it.",
                   err=True)
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", access_log=False)
