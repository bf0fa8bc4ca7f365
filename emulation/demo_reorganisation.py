"""The demo applies the 01/07/2025 reorganisation (law.md §6) to the seed-era Hậu Giang units itself, through the
operation (``record_reorganisation`` + ``apply_reorganisation``, actor None = "hệ thống"), after the seed-era data
are loaded: officers, grants and the work of campaigns still running on that day move to Thi hành án dân sự thành
phố Cần Thơ and its Phòng THADS khu vực; history stays with the old units. Applied once: a second load finds it
applied and changes nothing.

law.md §6 names no decision for Hậu Giang (QĐ 1898/QĐ-BTP concerns the Tổng cục): the number is marked as demo."""

from . import demo_data as data
from .models import Reorganisation, ReorganisationItem, ReorganisationKind, Unit
from .reorganisation import DEFAULT_POSITION_MAPPING
from .reorganisation_services import apply_reorganisation, record_reorganisation

DECISION = {
    "kind": ReorganisationKind.MERGE,
    "decision_number": "[Dữ liệu minh họa] 01/QĐ-BTP-HG",
    "decision_date": data.D(2025, 6, 25),
    "issuer": "Bộ trưởng Bộ Tư pháp",
    "effective_on": data.REORGANISED,
    "note": ("[Dữ liệu minh họa] Số quyết định do dữ liệu mẫu đặt. Tổ chức lại cơ quan thi hành án dân sự từ "
             "01/07/2025 theo Nghị quyết số 202/2025/QH15 (Hậu Giang, Sóc Trăng hợp nhất vào thành phố Cần Thơ); "
             "tên gọi theo Thông tư số 24/2025/TT-BTP."),
}
PROVINCE = "HG"


def groups(units: dict[str, Unit]) -> list[tuple[list[Unit], Unit]]:
    """The Cục and its divisions → THADS TP Cần Thơ; each three Chi cục → one Phòng THADS khu vực (the successor
    units ``emulation.demo`` already models)."""
    spec = next(p for p in data.PROVINCES if p["code"] == PROVINCE)
    successor = units[spec["successor"][0]]
    result = [([units[PROVINCE], *(units[f"{PROVINCE}-{suffix}"] for suffix, _, _ in data.DIVISIONS)], successor)]
    chi_cuc = [units[f"{PROVINCE}-CC-{suffix}"] for suffix, _, _ in spec["districts"]]
    for index in range(0, len(chi_cuc), data.AREA_OFFICE_SIZE):
        area = units[f"{successor.code}-KV{index // data.AREA_OFFICE_SIZE + 1}"]
        result.append((chi_cuc[index:index + data.AREA_OFFICE_SIZE], area))
    return result


def by_operation(code: str) -> bool:
    """Units whose successor links come from the operation (``emulation.demo`` does not write them)."""
    return code == PROVINCE or code.startswith(f"{PROVINCE}-")


def find() -> Reorganisation | None:
    return Reorganisation.objects.filter(decision_number=DECISION["decision_number"],
                                         effective_on=DECISION["effective_on"]).first()


def load(units: dict[str, Unit]) -> Reorganisation:
    """Record the decision (once) and apply it (once)."""
    reorganisation = find() or record_reorganisation(
        actor=None, reorganisation=Reorganisation(**DECISION, position_mapping=DEFAULT_POSITION_MAPPING),
        groups=groups(units))
    if not reorganisation.is_applied:
        apply_reorganisation(actor=None, reorganisation=reorganisation)
    return reorganisation


def receiving() -> dict[int, int]:
    """Predecessor id → successor id for the applied demo reorganisation (empty before it is applied): the seed
    loaders use it so a second load finds what the operation moved where it moved it."""
    reorganisation = find()
    if reorganisation is None or not reorganisation.is_applied:
        return {}
    return dict(ReorganisationItem.objects.filter(reorganisation=reorganisation, receives=True)
                .values_list("predecessor_id", "successor_id"))
