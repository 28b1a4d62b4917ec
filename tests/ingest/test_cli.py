"""``casefacts ingest``: Document JSON on stdout, problems on stderr, exit 1 on quarantine."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from casefacts.cli import ingest_cmd
from casefacts.schema import Document


def _app() -> typer.Typer:
    app = typer.Typer()
    app.callback()(lambda: None)
    ingest_cmd.register(app)
    return app


def test_one_file_prints_one_document(malformed_dir: Path) -> None:
    result = CliRunner().invoke(_app(), ["ingest", str(malformed_dir / "good.txt")])
    assert result.exit_code == 0, result.output
    document = Document.model_validate(json.loads(result.stdout))
    assert document.pages[0].text.startswith("Carta de apoyo")


def test_a_folder_prints_a_list_and_a_quarantine_exits_1(tmp_path: Path, malformed_dir: Path) -> None:
    for name in ("good.txt", "latin1.txt", "good.txt.gold.json"):
        (tmp_path / name).write_bytes((malformed_dir / name).read_bytes())
    result = CliRunner().invoke(_app(), ["ingest", str(tmp_path)])
    assert result.exit_code == 1
    documents = [Document.model_validate(d) for d in json.loads(result.stdout)]
    assert [d.source.rsplit("/", 1)[1] for d in documents] == ["good.txt", "latin1.txt"]
    assert "quarantined: " in result.stderr and "latin1.txt" in result.stderr


def test_expand_skips_gold_files(tmp_path: Path) -> None:
    (tmp_path / "b.pdf").write_bytes(b"")
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "a.txt.gold.json").write_bytes(b"")
    assert ingest_cmd.expand([tmp_path, tmp_path / "a.txt"]) == [
        tmp_path / "a.txt", tmp_path / "b.pdf", tmp_path / "a.txt"]
