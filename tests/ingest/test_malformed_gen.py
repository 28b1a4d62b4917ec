"""The malformed-file generator: deterministic, small, and matching the committed files."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from casefacts.gold import GOLD_SUFFIX
from fixtures.malformed_gen import BOMB_PIECE_BYTES, BOMB_PIECES, adler32_of_zeros, bomb_stream, generate


@pytest.fixture(scope="module")
def generated_twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    generate(first)
    generate(second)
    return first, second


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_two_runs_write_identical_bytes(generated_twice: tuple[Path, Path]) -> None:
    first, second = generated_twice
    assert _contents(first) == _contents(second)


def test_the_committed_files_are_what_the_generator_writes(
    generated_twice: tuple[Path, Path], malformed_dir: Path
) -> None:
    generated, committed = _contents(generated_twice[0]), _contents(malformed_dir)
    assert sorted(committed) == sorted(generated)
    changed = [name for name in generated if generated[name] != committed[name]]
    assert not changed, f"regenerate with `python -m fixtures.malformed_gen`: {changed}"


def test_generate_returns_what_it_wrote(tmp_path: Path) -> None:
    written = generate(tmp_path)
    assert sorted(written) == sorted(tmp_path.iterdir())
    documents = [p for p in written if not p.name.endswith(GOLD_SUFFIX)]
    assert len(written) == 2 * len(documents)


def test_the_folder_is_commit_sized(malformed_dir: Path) -> None:
    assert sum(p.stat().st_size for p in malformed_dir.iterdir()) < 3 * 1024 * 1024
    assert (malformed_dir / "flate_bomb.pdf").stat().st_size < 64 * 1024


def test_the_bomb_stream_inflates_piece_by_piece_with_a_valid_checksum() -> None:
    inner = zlib.decompress(bomb_stream(pieces=3))
    assert zlib.decompress(inner) == bytes(3 * BOMB_PIECE_BYTES)  # zlib checks the Adler-32


def test_the_committed_bomb_holds_the_full_stream(malformed_dir: Path) -> None:
    data = (malformed_dir / "flate_bomb.pdf").read_bytes()
    stream = re.search(rb"stream\n(.*)\nendstream", data, re.DOTALL).group(1)
    assert stream == bomb_stream()
    assert b"/Filter [/FlateDecode /FlateDecode]" in data
    assert BOMB_PIECES * BOMB_PIECE_BYTES == 4 * 1024**3  # built like the 3-piece stream above


@pytest.mark.parametrize("n", [0, 1, 65520, 65521, 65522, 10**7 + 3])
def test_adler32_of_zeros(n: int) -> None:
    assert adler32_of_zeros(n) == zlib.adler32(bytes(n))
