"""The pipeline without Prefect: paths in, CaseFiles out (DESIGN section 2).

ingest -> route -> extract -> classify -> assemble -> rules. Each stage is a function of its own
module; this module only orders them and groups documents into cases. Prefect flows and the CLI
both call it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefacts.assemble import assemble_case
from casefacts.config import Settings, get_settings
from casefacts.gold import GOLD_SUFFIX
from casefacts.schema import CaseFile, Document

if TYPE_CHECKING:
    from casefacts.ingest import Ingestor

Progress = Callable[[int], None]


@dataclass
class CaseInput:
    """The files of one case. ``case_id`` None means: derive it from the documents."""

    case_id: str | None
    files: list[Path] = field(default_factory=list)


def is_record_file(path: Path) -> bool:
    """Files a folder contributes: not hidden, not gold labels."""
    return path.is_file() and not path.name.startswith(".") and not path.name.endswith(GOLD_SUFFIX)


def collect_cases(paths: Sequence[Path], case_id: str | None = None) -> list[CaseInput]:
    """Group inputs into cases (the CLI contract of DESIGN section 2).

    A folder of files is one case named after the folder; a folder of folders is one case per
    subfolder; files named directly form one case. ``case_id`` names the case when there is
    exactly one.
    """
    cases: list[CaseInput] = []
    loose: list[Path] = []
    for path in paths:
        if not path.is_dir():
            loose.append(path)
            continue
        files = sorted(p for p in path.iterdir() if is_record_file(p))
        subfolders = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
        if files:
            cases.append(CaseInput(path.resolve().name, files))
        for sub in subfolders:
            cases.extend(collect_cases([sub]))
    if loose:
        cases.append(CaseInput(None, loose))
    if case_id is not None:
        if len(cases) != 1:
            raise ValueError(f"--case-id names one case, but the inputs hold {len(cases)}")
        cases[0].case_id = case_id
    return cases


def derived_case_id(documents: Sequence[Document]) -> str:
    digest = hashlib.sha256("".join(sorted(d.doc_id for d in documents)).encode()).hexdigest()
    return f"case-{digest[:12]}"


def process_cases(
    cases: Sequence[CaseInput],
    as_of: date | None = None,
    settings: Settings | None = None,
    nlp: Any = None,
    progress: Progress | None = None,
    chunk_size: int = 8,
) -> list[CaseFile]:
    """Run every stage over the cases, ingesting and extracting ``chunk_size`` cases at a time.

    ``progress`` is called with the number of cases finished after each chunk.
    """
    from casefacts.ingest import Ingestor

    settings = settings or get_settings()
    casefiles: list[CaseFile] = []
    with Ingestor(settings) as ingestor:  # one set of worker processes for every chunk
        for start in range(0, len(cases), chunk_size):
            chunk = cases[start:start + chunk_size]
            casefiles.extend(_process_chunk(chunk, ingestor, as_of, settings, nlp))
            if progress:
                progress(len(chunk))
    return casefiles


def _process_chunk(cases: Sequence[CaseInput], ingestor: Ingestor, as_of: date | None, settings: Settings,
                   nlp: Any) -> list[CaseFile]:
    from casefacts.classify import classify_offenses, route_documents
    from casefacts.extract import extract_documents, facts_by_document, unique_documents
    from casefacts.rules import evaluate_case

    documents = route_documents(ingestor.paths([path for case in cases for path in case.files]))
    facts_by_doc = facts_by_document(classify_offenses(extract_documents(unique_documents(documents), nlp=nlp)))

    casefiles = []
    offset = 0
    for case in cases:
        case_docs = unique_documents(documents[offset:offset + len(case.files)])
        offset += len(case.files)
        case_facts = [f for d in case_docs for f in facts_by_doc.get(d.doc_id, [])]
        case_file = assemble_case(case.case_id or derived_case_id(case_docs), case_docs, case_facts,
                                  settings.confidence_threshold)
        casefiles.append(evaluate_case(case_file, as_of))
    return casefiles


def process_case(paths: Sequence[Path], case_id: str | None = None, as_of: date | None = None,
                 settings: Settings | None = None, nlp: Any = None) -> CaseFile:
    """All the given files (or folders' files) as one case."""
    files = [p for path in paths for p in (sorted(path.rglob("*")) if path.is_dir() else [path])
             if is_record_file(p) or not p.exists()]
    return process_cases([CaseInput(case_id, files)], as_of=as_of, settings=settings, nlp=nlp)[0]
