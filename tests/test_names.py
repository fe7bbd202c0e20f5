"""Given names: factlint's reader of gender_guesser's table agrees with the library's own."""

from __future__ import annotations

from pathlib import Path

import gender_guesser.detector

from checker.names import given_name_gender, is_given_name, name_table


def test_name_table_is_the_librarys_table():
    library = gender_guesser.detector.Detector(case_sensitive=False)
    path = Path(gender_guesser.detector.__file__).parent / "data" / "nam_dict.txt"
    ours = name_table(path)
    assert ours == library.names
    assert all(list(ours[name]) == list(library.names[name]) for name in ours)  # tie order


def test_given_names_and_genders():
    assert is_given_name("Ingrid") and is_given_name("robert")
    assert not is_given_name("Kitchen")
    assert given_name_gender("Ingrid") == "female"
    assert given_name_gender("Robert") == "male"
    assert given_name_gender("Zzyzx") is None
