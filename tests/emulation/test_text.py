import pytest

from emulation.text import name_sort_key, search_key, sort_key, split_name

pytestmark = pytest.mark.unit


def test_vietnamese_alphabet_order_from_stack_notes():
    names = ["An", "Bùi", "Dương", "Ân", "Đặng", "Ấn"]
    assert sorted(names, key=sort_key) == ["An", "Ân", "Ấn", "Bùi", "Dương", "Đặng"]


def test_shorter_word_first_and_base_letters_before_tones():
    assert sorted(["Anh", "An Ba", "Ánh", "An", "Ă"], key=sort_key) == ["An", "An Ba", "Anh", "Ánh", "Ă"]


def test_o_variants_and_u_variants():
    assert sorted(["Ơn", "Ôn", "On", "Ưng", "Ung"], key=sort_key) == ["On", "Ôn", "Ơn", "Ung", "Ưng"]


def test_people_sort_by_given_name_then_family_then_middle():
    people = ["Trần Thị Ân", "Nguyễn Văn An", "Lê Bùi", "Phạm Văn An", "Lê Anh", "Nguyễn An"]
    assert sorted(people, key=name_sort_key) == [
        "Nguyễn An", "Nguyễn Văn An", "Phạm Văn An", "Lê Anh", "Trần Thị Ân", "Lê Bùi",
    ]


def test_decomposed_input_sorts_like_composed():
    decomposed = "Nguye\u0302\u0303n"
    assert sort_key(decomposed) == sort_key("Nguyễn")


def test_search_key_strips_accents_and_d_stroke():
    assert search_key("  Nguyễn   Văn ĐỨC ") == "nguyen van duc"


def test_split_name():
    assert split_name("Nguyễn Thị Minh Khai") == ("Nguyễn", "Thị Minh", "Khai")
    assert split_name("Khai") == ("", "", "Khai")


def test_given_name_tone_decides_before_family_name():
    assert sorted(["Đặng Văn Ấn", "Trần Ân"], key=name_sort_key) == ["Trần Ân", "Đặng Văn Ấn"]
