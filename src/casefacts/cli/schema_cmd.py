"""``casefacts schema``: print the CaseFile JSON Schema."""

from __future__ import annotations

import json

import typer

from casefacts.schema import casefile_json_schema


def schema_text() -> str:
    return json.dumps(casefile_json_schema(), indent=2, sort_keys=True) + "\n"


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema() -> None:
        """Print the JSON Schema of a serialized CaseFile."""
        typer.echo(schema_text(), nl=False)
