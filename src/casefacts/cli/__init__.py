"""The ``casefacts`` command line. Each module in this package registers its commands.

A new command group is a new module here defining ``register(app: typer.Typer) -> None``;
modules are found by name, so no central list needs editing.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer

app = typer.Typer(
    name="casefacts",
    help="Evidence-linked case files from criminal and administrative records.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """casefacts: records in, evidence-linked case files out."""


def _register_commands() -> None:
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        module.register(app)


_register_commands()
