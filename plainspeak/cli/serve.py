"""``plainspeak serve``: the web page for citizens and staff, on this computer."""

from __future__ import annotations

import ipaddress
from typing import Sequence

import click

from plainspeak.cli.options import glossary_option, model_option, no_shipped_option, store_option, timeout_option

LOOPBACK_NAMES = {"localhost"}


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on. Keep 127.0.0.1 unless you know why not.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="The port to listen on (0: any free port).")
@store_option
@click.option("--staff-token", envvar="PLAINSPEAK_STAFF_TOKEN", show_envvar=True,
              help="The code staff sign in with. Without it the staff pages are off. "
                   "Prefer the environment variable: other users can see a command line.")
@click.option("--keep-uploads", type=click.Path(file_okay=False),
              help="Keep a copy of every uploaded paper in this folder (default: keep nothing).")
@click.option("--max-upload-mb", default=20.0, show_default=True, type=click.FloatRange(0.1, 200),
              help="The largest paper people can upload.")
@timeout_option
@glossary_option
@no_shipped_option
@model_option
def serve(host: str, port: int, store: str | None, staff_token: str | None, keep_uploads: str | None,
          max_upload_mb: float, timeout: float | None, glossaries: Sequence[str], no_shipped_glossaries: bool,
          model: str | None) -> int:
    """Start the web page: check a paper, look a word up, ask for an explanation."""
    from werkzeug.serving import make_server

    from plainspeak.web import create_app

    app = create_app({
        "STORE_PATH": store, "STAFF_TOKEN": staff_token or None, "KEEP_UPLOADS": keep_uploads,
        "MAX_UPLOAD_MB": max_upload_mb, "GLOSSARIES": list(glossaries),
        "SHIPPED_GLOSSARIES": not no_shipped_glossaries, "MODEL": model, "TIMEOUT": timeout,
    })
    # Load the language model now, so the first person to check a paper does not wait for it.
    click.echo("plainspeak: loading the language model...", err=True)
    app.extensions["plainspeak"].checker.nlp()
    server = make_server(host, port, app, threaded=True)
    if not _is_loopback(host):
        click.echo("plainspeak: warning: other computers can reach this page, and it has no HTTPS. "
                   "Use it only on a network you trust.", err=True)
    click.echo(f"plainspeak is ready at http://{_url_host(host)}:{server.server_port}/ "
               "- press Ctrl+C to stop.", err=True)
    if not staff_token:
        click.echo("Staff pages are off: set PLAINSPEAK_STAFF_TOKEN to turn them on.", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("plainspeak: stopped.", err=True)
    finally:
        server.server_close()
    return 0


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
