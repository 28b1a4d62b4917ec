from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
)
from sqlalchemy.engine import Engine
from store.databases import postgres_schema_url

from casefacts.sources import SqlColumns, SqlSource

T0 = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'records.db'}"
    else:
        with postgres_schema_url() as schema_url:
            yield schema_url


def _table(engine: Engine, table_name: str = "records", text_content: bool = False, **names: str) -> Table:
    cols = SqlColumns(**names)
    table = Table(
        table_name, MetaData(),
        Column(cols.id, Integer, primary_key=True, autoincrement=False),
        Column(cols.case_id, String(50), nullable=True),
        Column(cols.name, String(200)),
        Column(cols.content, Text if text_content else LargeBinary),
        Column(cols.stamp, DateTime(timezone=True)),
    )
    table.create(engine)
    return table


def _add(engine: Engine, table: Table, rows: list[tuple[int, str | None, str, bytes | str, int]]) -> None:
    names = [c.name for c in table.columns]
    with engine.begin() as connection:
        connection.execute(insert(table), [
            dict(zip(names, (ident, case, name, content, T0 + timedelta(seconds=second)), strict=True))
            for ident, case, name, content, second in rows
        ])


ROWS = [
    (1, "c1", "rap.txt", b"rap one", 1),
    (2, "c1", "letter.txt", b"letter one", 2),
    (3, "c2", "rap.txt", b"rap two", 2),  # same stamp as row 2: ordered by id
    (4, None, "loose.txt", b"loose", 3),
]


def _names(pull) -> dict[str | None, list[str]]:
    return {case.case_id: [r.name for r in case.records] for case in pull.cases}


def test_first_pull_returns_every_case(url: str) -> None:
    engine = create_engine(url)
    _add(engine, _table(engine), ROWS)
    pull = SqlSource(url).pull(None)
    assert pull.n_new == 4 and pull.exhausted
    assert _names(pull) == {"c1": ["rap.txt", "letter.txt"], "c2": ["rap.txt"], None: ["loose.txt"]}
    assert pull.cases[0].records[0].data == b"rap one"
    assert pull.cases[0].records[0].uri.endswith("#records/1")
    engine.dispose()


def test_next_pull_returns_the_changed_case_whole(url: str) -> None:
    engine = create_engine(url)
    table = _table(engine)
    _add(engine, table, ROWS)
    source = SqlSource(url)
    first = source.pull(None)
    assert source.pull(first.watermark).n_new == 0
    _add(engine, table, [(5, "c2", "court.txt", b"court two", 3), (6, "c3", "rap.txt", b"rap three", 9)])
    second = source.pull(first.watermark)
    assert second.n_new == 2
    assert _names(second) == {"c2": ["rap.txt", "court.txt"], "c3": ["rap.txt"]}
    engine.dispose()


def test_limit_never_drops_or_repeats_rows_sharing_a_stamp(url: str) -> None:
    engine = create_engine(url)
    table = _table(engine)
    _add(engine, table, [(i, None, f"r{i}.txt", b"x%d" % i, 5) for i in range(1, 8)])
    source, watermark, seen = SqlSource(url), None, []
    while True:
        pull = source.pull(watermark, limit=3)
        seen += [r.name for case in pull.cases for r in case.records]
        watermark = pull.watermark
        if pull.exhausted:
            break
    assert seen == [f"r{i}.txt" for i in range(1, 8)]
    engine.dispose()


def test_other_column_names_and_text_content(url: str) -> None:
    engine = create_engine(url)
    names = {"id": "record_no", "case_id": "matter", "name": "filename", "content": "body",
             "stamp": "received"}
    table = _table(engine, "intake", text_content=True, **names)
    _add(engine, table, [(1, "m1", "note.txt", "plain text", 1)])
    pull = SqlSource(url, table="intake", columns=SqlColumns(**names)).pull(None)
    assert _names(pull) == {"m1": ["note.txt"]}
    assert pull.cases[0].records[0].data == b"plain text"
    engine.dispose()
