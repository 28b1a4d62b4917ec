from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from casefacts.cli import app
from casefacts.cli.db_cmd import database_url, load_paths
from casefacts.schema import CaseFile
from casefacts.store import Store

from .factories import fake_rules, make_case, make_document

runner = CliRunner()


def test_database_url() -> None:
    assert database_url(None) is None
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("rel.db") == f"sqlite:///{Path('rel.db').resolve()}"


def test_db_load_json_is_idempotent(tmp_path: Path) -> None:
    one, two = make_case("case-a"), make_case("case-b")
    (tmp_path / "one.json").write_text(one.model_dump_json())
    (tmp_path / "both.json").write_text("[" + one.model_dump_json() + "," + two.model_dump_json() + "]")
    db = str(tmp_path / "load.db")
    assert runner.invoke(app, ["db", "upgrade", "--db", db]).exit_code == 0
    for _ in range(2):
        result = runner.invoke(
            app, ["db", "load", str(tmp_path / "one.json"), str(tmp_path / "both.json"), "--db", db]
        )
        assert result.exit_code == 0, result.output
    store = Store(f"sqlite:///{db}")
    assert [c.case_id for c in store.list_cases().items] == ["case-a", "case-b"]
    assert store.audit_log().total == 2  # one create per case, nothing on the reloads
    store.close()


def test_record_folders_go_through_the_pipeline_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cases" / "case_x"
    folder.mkdir(parents=True)
    (folder / "note.txt").write_text("a record")
    calls: list[list[str]] = []

    def process_cases(cases, **_: object) -> list[CaseFile]:  # noqa: ANN001 - mirrors the pipeline
        calls.append([str(c.case_id) for c in cases])
        case = make_case(cases[0].case_id)
        doc = make_document((folder / "note.txt").read_text(), "note.txt")
        return [case.model_copy(update={"documents": [*case.documents, doc], "findings": []})]

    monkeypatch.setattr("casefacts.pipeline.process_cases", process_cases)
    store = Store(f"sqlite:///{tmp_path / 'p.db'}", recompute=fake_rules)
    store.upgrade()
    first = load_paths(store, [tmp_path / "cases"])
    second = load_paths(store, [tmp_path / "cases"])
    assert (first.saved, second.saved, second.skipped) == (["case_x"], [], ["case_x"])
    assert calls == [["case_x"]]
    # Case files without findings get them from the rules when they are stored.
    assert store.get_case("case_x").findings == fake_rules(store.get_case("case_x"))
    assert load_paths(store, [tmp_path / "cases"], force=True).saved == ["case_x"]
    store.close()
