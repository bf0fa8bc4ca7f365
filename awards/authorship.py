"""Authors of an initiative and their shares (tỷ lệ đóng góp): plain rules over plain values."""

from django.utils.translation import gettext as _


def share_problems(shares: list[tuple[int, int]]) -> list[str]:
    """``shares``: (officer id, percent) per author row. The problems, in words: at least one author,
    each once, each share from 1 to 100 %, and the shares summing to exactly 100 %."""
    if not shares:
        return [_("Nhập ít nhất một tác giả.")]
    problems = []
    officers = [officer for officer, _share in shares]
    if len(set(officers)) != len(officers):
        problems.append(_("Mỗi tác giả chỉ được nhập một lần."))
    if any(not 0 < share <= 100 for _officer, share in shares):
        problems.append(_("Tỷ lệ đóng góp của mỗi tác giả phải từ 1% đến 100%."))
    total = sum(share for _officer, share in shares)
    if total != 100:
        problems.append(_("Tổng tỷ lệ đóng góp của các tác giả phải bằng 100%% (hiện là %(total)s%%).")
                        % {"total": total})
    return problems


def authors_words(authors: list[tuple[str, int]]) -> str:
    """"Nguyễn Văn An (60%), Trần Thị Bình (40%)": the authors as the audit log and the report show them."""
    return ", ".join(f"{name} ({share}%)" for name, share in authors)
