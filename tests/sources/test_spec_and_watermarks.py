from __future__ import annotations

from pathlib import Path

import pytest

from casefacts.sources import FolderSource, HttpSource, JsonFileWatermarks, SqlSource, source_from_spec


@pytest.mark.parametrize(("spec", "kind"), [
    ("folder:/srv/inbox", FolderSource),
    ("/srv/inbox", FolderSource),
    ("sql:sqlite:///records.db#intake", SqlSource),
    ("https://records.example/api/records", HttpSource),
])
def test_spec_names_the_source(spec: str, kind: type) -> None:
    assert isinstance(source_from_spec(spec), kind)


def test_sql_spec_table_defaults_and_key_hides_the_password() -> None:
    source = source_from_spec("sql:postgresql+psycopg://app:s3cret@db:5432/intake")
    assert isinstance(source, SqlSource) and source.table == "records"
    assert "s3cret" not in source.key and source.key.endswith("#records")


def test_sql_spec_needs_a_url() -> None:
    with pytest.raises(ValueError, match="database URL"):
        source_from_spec("sql:#records")


def test_sql_spec_reads_the_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_DB", "postgresql+psycopg://app:s3cret@db/intake")
    source = source_from_spec("sql:env:INTAKE_DB#intake")
    assert isinstance(source, SqlSource) and source.url.endswith("@db/intake") and source.table == "intake"
    monkeypatch.delenv("INTAKE_DB")
    with pytest.raises(ValueError, match="INTAKE_DB is not set"):
        source_from_spec("sql:env:INTAKE_DB#intake")


def test_watermarks_persist_per_key(tmp_path: Path) -> None:
    path = tmp_path / "state" / "watermarks.json"
    JsonFileWatermarks(path).set("folder:/a", "wm-a")
    JsonFileWatermarks(path).set("folder:/b", "wm-b")
    JsonFileWatermarks(path).set("folder:/a", "wm-a2")
    again = JsonFileWatermarks(path)
    assert again.get("folder:/a") == "wm-a2" and again.get("folder:/b") == "wm-b"
    assert again.get("folder:/c") is None
    assert [p.name for p in path.parent.iterdir() if not p.name.endswith(".lock")] == ["watermarks.json"]
