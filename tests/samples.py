"""Real files for upload tests, made in memory: a clean one-page PDF, JPEG and PNG, and hostile PDFs
(JavaScript in every place a viewer runs it, a Launch action, encrypted, truncated)."""

from io import BytesIO

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject


def _written(writer: PdfWriter) -> bytes:
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def _action(kind: str) -> DictionaryObject:
    if kind == "launch":
        return DictionaryObject({NameObject("/S"): NameObject("/Launch"),
                                 NameObject("/F"): TextStringObject("calc.exe")})
    return DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                             NameObject("/JS"): TextStringObject("app.alert(1)")})


def pdf(hostile: str | None = None) -> bytes:
    """A one-page PDF; ``hostile`` names what it carries: ``open_action``, ``names_tree``,
    ``page_aa``, ``annotation``, ``launch``, ``encrypted``, ``truncated``."""
    writer = _writer()
    page = writer.pages[0]
    if hostile == "open_action":
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(_action("javascript"))
    elif hostile == "names_tree":
        tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("mo-dau"),
                                                                     writer._add_object(_action("javascript"))])})
        writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})
    elif hostile == "page_aa":
        page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): _action("javascript")})
    elif hostile == "annotation":
        link = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
                                 NameObject("/Rect"): ArrayObject([]), NameObject("/A"): _action("javascript")})
        page[NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    elif hostile == "launch":
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(_action("launch"))
    elif hostile == "encrypted":
        writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="AES-128")
    data = _written(writer)
    return data[: len(data) // 2] if hostile == "truncated" else data


def image(fmt: str = "JPEG", size: tuple[int, int] = (8, 8)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


PDF = pdf()
JPEG = image("JPEG")
PNG = image("PNG")
