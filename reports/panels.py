"""The "Văn bản" panel on the proposal, council session, decision, campaign and plan pages: each
document that can be rendered for the record, with its latest file and a button to render it."""

from dataclasses import dataclass

from .access import can_render_kind, can_use_kind
from .documents import Kind, kinds_for
from .models import GeneratedDocument
from .selectors import latest_documents


@dataclass(frozen=True)
class Row:
    kind: Kind
    object_id: int
    label: str
    latest: GeneratedDocument | None
    can_render: bool


def _rows(user, owner: str, objects: list[tuple[object, str]]) -> list[Row]:
    """Each document the user may read; the button to render it only for those who may ask for a render,
    and a document never rendered is not listed to a reader who cannot render it."""
    latest = latest_documents(owner, [obj.pk for obj, _ in objects])
    rows = [Row(kind, obj.pk, f"{kind.label}{' – ' + name if name else ''}", latest.get((kind.code, obj.pk)),
                can_render_kind(user, kind, obj))
            for kind in kinds_for(owner) for obj, name in objects if can_use_kind(user, kind, obj)]
    return [row for row in rows if row.can_render or row.latest]


def context_for(page: str):
    def context(user, obj) -> dict:
        rows = _rows(user, page, [(obj, "")])
        if page == "proposal":
            nominations = obj.nominations.select_related("officer", "unit").order_by("position", "id")
            rows += _rows(user, "nomination", [(n, str(n.subject)) for n in nominations])
        return {"document_rows": rows}
    return context
