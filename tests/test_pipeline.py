import pytest

from casefacts.pipeline import collect_cases


def _touch(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")
    return path


def test_folder_of_files_is_one_case_and_gold_files_are_skipped(tmp_path):
    _touch(tmp_path / "c1" / "rap.pdf")
    _touch(tmp_path / "c1" / "rap.pdf.gold.json")
    _touch(tmp_path / "c1" / ".hidden")
    cases = collect_cases([tmp_path / "c1"])
    assert [(c.case_id, [p.name for p in c.files]) for c in cases] == [("c1", ["rap.pdf"])]


def test_folder_of_folders_is_one_case_per_subfolder_and_loose_files_one_case(tmp_path):
    _touch(tmp_path / "cases" / "a" / "1.txt")
    _touch(tmp_path / "cases" / "b" / "2.txt")
    loose = _touch(tmp_path / "loose.txt")
    cases = collect_cases([tmp_path / "cases", loose])
    assert [(c.case_id, [p.name for p in c.files]) for c in cases] == [
        ("a", ["1.txt"]), ("b", ["2.txt"]), (None, ["loose.txt"])]


def test_case_id_names_a_single_case_only(tmp_path):
    f = _touch(tmp_path / "x.txt")
    assert collect_cases([f], case_id="K-1")[0].case_id == "K-1"
    _touch(tmp_path / "d" / "a" / "1.txt")
    _touch(tmp_path / "d" / "b" / "1.txt")
    with pytest.raises(ValueError):
        collect_cases([tmp_path / "d"], case_id="K-1")
