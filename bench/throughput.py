"""Throughput of the pipeline against its floor (DESIGN section 9).

The floor is what no pipeline can beat on the same files: bare pdfplumber text extraction of
every page plus ``nlp.pipe`` over the page texts with the same spaCy model. The pipeline runs
ingest (worker processes with limits), extraction and assembly. Also reported: peak memory
(this process and its worker children) and time by chunk size (cases per ingest/extract batch).

    python -m bench.throughput [--cases fixtures/cases] [--chunks 4,8,16] [--out bench/results]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from pathlib import Path

import pdfplumber
import spacy

from casefacts.config import get_settings
from casefacts.pipeline import collect_cases, process_cases


def floor(files: list[Path], model: str) -> dict[str, float]:
    """Bare pdfplumber text + nlp.pipe: the least any pipeline must spend on these files."""
    nlp = spacy.load(model)
    started = time.perf_counter()
    texts = []
    for path in files:
        if path.suffix == ".pdf":
            with pdfplumber.open(path) as pdf:
                texts.extend(page.extract_text() or "" for page in pdf.pages)
        else:
            texts.append(path.read_text(encoding="utf-8"))
    parsed = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    done = time.perf_counter()
    return {"pages": len(texts), "words": words, "pdf_s": parsed - started, "nlp_s": done - parsed,
            "total_s": done - started}


def pipeline_run(root: Path, chunk_size: int) -> dict[str, float]:
    cases = collect_cases([root])
    started = time.perf_counter()
    casefiles = process_cases(cases, chunk_size=chunk_size)
    elapsed = time.perf_counter() - started
    pages = sum(len(d.pages) for c in casefiles for d in c.documents)
    return {"chunk_size": chunk_size, "cases": len(casefiles), "pages": pages,
            "facts": sum(len(c.facts) for c in casefiles), "total_s": elapsed,
            "pages_per_s": pages / elapsed}


def peak_rss_mb() -> dict[str, float]:
    """Peak resident set size of this process and of its largest finished child, in MB."""
    return {"self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=Path("fixtures/cases"))
    parser.add_argument("--chunks", default="4,8,16")
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args()

    files = [p for c in collect_cases([args.cases]) for p in c.files]
    # Warm up model loading so neither side pays it inside its timing.
    process_cases(collect_cases([args.cases])[:1])
    runs = [pipeline_run(args.cases, int(n)) for n in args.chunks.split(",")]
    base = floor(files, get_settings().spacy_model)
    best = min(runs, key=lambda r: r["total_s"])
    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "files": len(files),
        "floor": base | {"pages_per_s": base["pages"] / base["total_s"]},
        "pipeline": runs,
        "overhead_vs_floor": best["total_s"] / base["total_s"],
        "peak_rss": peak_rss_mb(),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "throughput.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"files {len(files)}, pages {base['pages']}, words {base['words']}")
    print(f"floor: {base['total_s']:.2f} s ({base['pages'] / base['total_s']:.1f} pages/s; "
          f"pdfplumber {base['pdf_s']:.2f} s, nlp.pipe {base['nlp_s']:.2f} s)")
    for run in runs:
        print(f"pipeline chunk={run['chunk_size']:>3}: {run['total_s']:.2f} s "
              f"({run['pages_per_s']:.1f} pages/s, {run['facts']} facts)")
    print(f"best pipeline / floor: {result['overhead_vs_floor']:.2f}x; peak RSS {result['peak_rss']}")


if __name__ == "__main__":
    main()
