"""The documents the system renders, by kind: what each is rendered from and for which record.

A kind's ``prepare(object_id)`` loads its record and returns a ``Prepared``: the download name, the
text its inputs are hashed from (the HTML of a PDF, the rows of a workbook) and a ``render`` that
does the slow part. The hash decides whether an earlier file can be served again."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify


@dataclass(frozen=True)
class Output:
    data: bytes
    pages: int | None = None
    fields: tuple = ()


@dataclass(frozen=True)
class Prepared:
    filename: str
    inputs: str
    render: Callable[[Callable[[int, int], None] | None], Output]
    steps: int = 1


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    owner: str  # proposal, nomination, session, decision, campaign, plan
    prepare: Callable[[int], Prepared]
    extension: str = "pdf"
    staff_only: bool = False  # unscoped content (every unit's figures): department staff only


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    KINDS[kind.code] = kind


def kinds_for(owner: str) -> list[Kind]:
    return [kind for kind in KINDS.values() if kind.owner == owner]


def file_name(*words: str, extension: str) -> str:
    """"to-trinh-01-ttr-cchthads.pdf": ASCII, so every mail client and browser keeps it."""
    text = "-".join(w for w in words if w).replace("đ", "d").replace("Đ", "D").replace("/", "-")
    base = slugify(text)[:120]
    return f"{base or 'van-ban'}.{extension}"


def pdf_prepared(filename: str, parts: list[str]) -> Prepared:
    """The parts are hashed with the official stylesheet they are laid out with: a change of the
    stylesheet renders the documents again."""
    from reports.pdf import render_pdf, stylesheet_text

    def render(progress=None) -> Output:
        rendered = render_pdf(parts, progress=progress)
        return Output(rendered.data, rendered.pages, rendered.fields)

    inputs = "\n<!-- part -->\n".join([stylesheet_text(), *parts])
    return Prepared(filename=filename, inputs=inputs, render=render, steps=len(parts))


def xlsx_prepared(filename: str, inputs: str, build: Callable[[], bytes]) -> Prepared:
    def render(progress=None) -> Output:
        data = build()
        if progress:
            progress(1, 1)
        return Output(data)

    return Prepared(filename=filename, inputs=inputs, render=render)
