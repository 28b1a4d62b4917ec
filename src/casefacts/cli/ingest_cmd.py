"""``casefacts ingest PATH...``: print the ingested Documents as JSON.

One path prints one object, several (or a folder) print a list. Quarantined documents are
printed too, with their reason; the exit code is then 1. Folders are read one level deep,
skipping gold-label files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from casefacts.gold import GOLD_SUFFIX
from casefacts.ingest import ingest_paths


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; a folder becomes its files in name order, gold files left out."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and not p.name.endswith(GOLD_SUFFIX))
        else:
            files.append(path)
    return files


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        paths: Annotated[list[Path], typer.Argument(help="PDF or text files, or folders of them.")],
        workers: Annotated[int | None, typer.Option(
            min=1, help="PDF parser processes (default: CASEFACTS_INGEST_WORKERS, 2).")] = None,
    ) -> None:
        """Read documents (PDF, UTF-8 text) and print them as Document JSON."""
        files = expand(paths)
        documents = ingest_paths(files, workers=workers)
        for document in documents:
            status = document.ingest_status
            if status.status != "ok":
                typer.echo(f"{status.status}: {document.source}: {status.reason}", err=True)
        dumped = [document.model_dump(mode="json") for document in documents]
        single = len(paths) == 1 and len(files) == 1 and not paths[0].is_dir()
        typer.echo(json.dumps(dumped[0] if single else dumped, indent=2, ensure_ascii=False))
        if any(document.ingest_status.status == "quarantined" for document in documents):
            raise typer.Exit(code=1)
