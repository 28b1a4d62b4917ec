"""A SQL table of records (any SQLAlchemy URL: SQLite, PostgreSQL, ...).

The table needs a unique id, a case id (nullable: a record of its own case), a file name, the
content (bytes or text) and a change stamp that increases when a row is written (a timestamp
or a number). Column names are configurable. New means: ``(stamp, id)`` after the watermark,
read in keyset order, so a page boundary never drops or repeats a row.

A stamp set by a transaction that commits after a later one was read is missed; give the
table a stamp the database assigns at commit, or pull with some lag behind the writers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import Column, MetaData, Table, and_, or_, select
from sqlalchemy.engine import Engine, make_url

from casefacts.sources.base import Pull, Record, RecordCase


@dataclass(frozen=True)
class SqlColumns:
    id: str = "id"
    case_id: str = "case_id"
    name: str = "name"
    content: str = "content"
    stamp: str = "updated_at"


@dataclass(frozen=True)
class SqlSource:
    """Rows of ``table`` at ``url``; ``schema`` names a PostgreSQL schema when not the default."""

    url: str
    table: str = "records"
    columns: SqlColumns = SqlColumns()
    schema: str | None = None

    @property
    def key(self) -> str:
        url = make_url(self.url).render_as_string(hide_password=True)
        return f"sql:{url}#{self.schema + '.' if self.schema else ''}{self.table}"

    @cached_property
    def engine(self) -> Engine:
        from casefacts.store.engine import make_engine

        return make_engine(self.url)

    @cached_property
    def _table(self) -> Table:
        return Table(self.table, MetaData(), schema=self.schema, autoload_with=self.engine)

    def _col(self, name: str) -> Column[Any]:
        return self._table.c[getattr(self.columns, name)]

    def pull(self, watermark: str | None, limit: int | None = None) -> Pull:
        stamp, ident = self._col("stamp"), self._col("id")
        query = select(stamp, ident, self._col("case_id")).order_by(stamp, ident)
        after = _decode(watermark, stamp)
        if after is not None:
            query = query.where(or_(stamp > after[0], and_(stamp == after[0], ident > after[1])))
        if limit is not None:
            query = query.limit(limit + 1)
        with self.engine.connect() as connection:
            new = connection.execute(query).all()
            exhausted = limit is None or len(new) <= limit
            new = new if exhausted else new[:limit]
            if not new:
                return Pull(cases=[], n_new=0, watermark=watermark)
            case_ids = list(dict.fromkeys(row[2] for row in new if row[2] is not None))
            loose_ids = [row[1] for row in new if row[2] is None]
            cases = self._cases(connection, case_ids) + self._loose(connection, loose_ids)
        last = new[-1]
        return Pull(cases=cases, n_new=len(new), watermark=_encode(last[0], last[1]), exhausted=exhausted)

    def _select_records(self) -> Any:
        return select(self._col("id"), self._col("case_id"), self._col("name"), self._col("content"))

    def _cases(self, connection: Any, case_ids: list[Any]) -> list[RecordCase]:
        if not case_ids:
            return []
        rows = connection.execute(
            self._select_records().where(self._col("case_id").in_(case_ids)).order_by(self._col("id"))
        ).all()
        by_case: dict[str, list[Record]] = {str(case_id): [] for case_id in case_ids}
        for row in rows:
            by_case[str(row[1])].append(self._record(row))
        return [RecordCase(case_id=case_id, records=tuple(records)) for case_id, records in by_case.items()]

    def _loose(self, connection: Any, ids: list[Any]) -> list[RecordCase]:
        if not ids:
            return []
        rows = connection.execute(self._select_records().where(self._col("id").in_(ids))).all()
        by_id = {row[0]: self._record(row) for row in rows}
        return [RecordCase(case_id=None, records=(by_id[ident],)) for ident in ids]

    def _record(self, row: Any) -> Record:
        ident, case_id, name, content = row
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        uri = f"{self.key}/{ident}"
        return Record(case_id=None if case_id is None else str(case_id), name=str(name), uri=uri, data=data)


def _encode(stamp: Any, ident: Any) -> str:
    value = stamp.isoformat() if isinstance(stamp, date) else stamp
    return json.dumps({"stamp": value, "id": ident})


def _decode(watermark: str | None, stamp_column: Column[Any]) -> tuple[Any, Any] | None:
    if watermark is None:
        return None
    data = json.loads(watermark)
    value = data["stamp"]
    python_type = _python_type(stamp_column)
    if python_type is datetime:
        value = datetime.fromisoformat(value)
    elif python_type is date:
        value = date.fromisoformat(value)
    return value, data["id"]


def _python_type(column: Column[Any]) -> type | None:
    try:
        return column.type.python_type
    except NotImplementedError:
        return None

