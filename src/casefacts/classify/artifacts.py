"""Saving and loading model artifacts with skops, byte-for-byte reproducibly.

skops names the arrays in its zip after ``id()`` of the objects and stamps the current time on
each entry, so two dumps of the same model differ. ``canonical_dumps`` renumbers the ids in
order of appearance and fixes the timestamps: the same model always gives the same bytes.

``load_artifact`` refuses any type outside an explicit allow-list before constructing
anything, so loading a tampered artifact cannot run arbitrary code.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import skops.io as sio

from casefacts.errors import ModelArtifactError

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
SCHEMA_ENTRY = "schema.json"

# Types our artifacts may hold beyond what skops trusts by default.
ALLOWED_TYPES = frozenset({
    "casefacts.classify.offense.OffenseClassifier",
    "casefacts.classify.offense.ChargeFeaturizer",
    "casefacts.classify.vectorizers.CompactTfidfVectorizer",
    "casefacts.classify.doctype.DocTypeClassifier",
    "casefacts.classify.doctype.DocumentFeaturizer",
    "builtins.type",
    "numpy.dtype",
    "numpy.float32",
    "numpy.float64",
    "numpy.int64",
    "numpy.str_",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
})


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _renumber(node: Any, ids: dict[int, int], files: dict[str, str]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "__id__" and isinstance(value, int):
                out[key] = ids.setdefault(value, len(ids) + 1)
            elif key == "file" and isinstance(value, str):
                suffix = Path(value).suffix
                out[key] = files.setdefault(value, f"{len(files) + 1:06d}{suffix}")
            else:
                out[key] = _renumber(value, ids, files)
        return out
    if isinstance(node, list):
        return [_renumber(item, ids, files) for item in node]
    return node


def canonical_dumps(obj: Any) -> bytes:
    """skops bytes of ``obj`` with deterministic entry names, ids and timestamps."""
    source = zipfile.ZipFile(io.BytesIO(sio.dumps(obj)))
    files: dict[str, str] = {}
    schema = _renumber(json.loads(source.read(SCHEMA_ENTRY)), {}, files)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for old_name, new_name in sorted(files.items(), key=lambda item: item[1]):
            target.writestr(_entry(new_name), source.read(old_name))
        target.writestr(_entry(SCHEMA_ENTRY), json.dumps(schema, indent=1, sort_keys=False))
    return buffer.getvalue()


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def dump_artifact(obj: Any, path: Path) -> str:
    """Write ``obj`` to ``path``; returns the sha256 of the bytes written."""
    data = canonical_dumps(obj)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return sha256_bytes(data)


def load_artifact(path: Path, allowed: Iterable[str] = ALLOWED_TYPES, expected_sha256: str | None = None) -> Any:
    """Load a skops artifact, refusing types outside ``allowed`` and a wrong checksum."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelArtifactError(f"cannot read model artifact {path}: {exc}") from exc
    if expected_sha256 is not None and sha256_bytes(data) != expected_sha256:
        raise ModelArtifactError(f"{path} does not match the sha256 recorded in its model card")
    try:
        untrusted = set(sio.get_untrusted_types(data=data))
    except Exception as exc:  # a corrupt zip or schema: skops raises many kinds
        raise ModelArtifactError(f"{path} is not a readable skops artifact: {exc}") from exc
    refused = untrusted - set(allowed)
    if refused:
        raise ModelArtifactError(f"{path} holds types outside the allow-list: {sorted(refused)}")
    return sio.loads(data, trusted=sorted(untrusted))


def file_hashes(paths: Mapping[str, Path]) -> dict[str, str]:
    """``{label: sha256 of the file}`` for the inputs a model was trained from."""
    hashes = {}
    for label, path in sorted(paths.items()):
        try:
            hashes[label] = sha256_bytes(path.read_bytes())
        except OSError as exc:
            raise ModelArtifactError(f"training input {label} ({path}) is missing: {exc}") from exc
    return hashes


def fingerprint(hashes: Mapping[str, str], params: Mapping[str, Any]) -> str:
    """One sha256 over the input files' hashes and the training parameters."""
    payload = json.dumps({"files": dict(sorted(hashes.items())), "params": dict(params)}, sort_keys=True)
    return sha256_bytes(payload.encode())
