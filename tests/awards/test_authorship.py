"""The authors' shares of an initiative (plain rules, no database)."""

import pytest

from awards.authorship import authors_words, share_problems

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("shares", "problems"), [
    ([(1, 100)], []),
    ([(1, 60), (2, 40)], []),
    ([(1, 34), (2, 33), (3, 33)], []),
    ([], ["Nhập ít nhất một tác giả."]),
    ([(1, 60), (2, 30)], ["Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 90%)."]),
    ([(1, 60), (2, 60)], ["Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 120%)."]),
    ([(1, 50), (1, 50)], ["Mỗi tác giả chỉ được nhập một lần."]),
    ([(1, 100), (2, 0)], ["Tỷ lệ đóng góp của mỗi tác giả phải từ 1% đến 100%."]),
    ([(1, 150), (2, -50)], ["Tỷ lệ đóng góp của mỗi tác giả phải từ 1% đến 100%."]),
])
def test_share_problems(shares, problems):
    assert share_problems(shares) == problems


def test_authors_words():
    assert authors_words([("Nguyễn Văn An", 60), ("Lê Thị Cúc", 40)]) == "Nguyễn Văn An (60%), Lê Thị Cúc (40%)"
