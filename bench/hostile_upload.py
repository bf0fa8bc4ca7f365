"""Benchmark: what a hostile workbook costs the web process now that it is refused from its zip directory.

    .venv/bin/python bench/hostile_upload.py

Builds the attack of issue #13 — an .xlsx of about 200 KB whose shared-strings part holds 5.000.000 tiny
strings — and a zip bomb (a 1 GB part of zeros, about 1 MB on disk), then times
- **product**: ``workbook_guard.check``, which the upload form runs (the zip directory and 4 KB of a part);
- **a concurrent page**: the login page through Django's test client, alone (the baseline) and while two
  threads run the check on the attack file over and over, as two parallel uploads would.
"""

import io
import os
import sys
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
STRINGS = 5_000_000


def attack() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Mã đơn vị", "Tên đơn vị"])
    plain = io.BytesIO()
    book.save(plain)
    source = zipfile.ZipFile(io.BytesIO(plain.getvalue()))
    out = io.BytesIO()
    strings = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
               f'spreadsheetml/2006/main" count="{STRINGS}" uniqueCount="{STRINGS}">').encode()
    strings += b"<si><t>a</t></si>" * STRINGS + b"</sst>"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for item in source.infolist():
            if item.filename != "xl/sharedStrings.xml":
                target.writestr(item.filename, source.read(item.filename))
        target.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


def bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        target.writestr("[Content_Types].xml", b"<Types/>")
        target.writestr("xl/workbook.xml", b"<workbook/>")
        with target.open("xl/media/zeros.bin", "w", force_zip64=True) as part:
            chunk = b"\0" * (16 * 1024 * 1024)
            for _ in range(64):
                part.write(chunk)
    return out.getvalue()


def timed_check(data: bytes) -> tuple[float, str]:
    from emulation import workbook_guard

    start = time.perf_counter()
    try:
        workbook_guard.check(io.BytesIO(data))
        outcome = "accepted"
    except ValueError as exc:
        outcome = str(exc)
    return time.perf_counter() - start, outcome


def main() -> None:
    import django

    django.setup()
    from django.test import Client

    files = {"shared strings": attack(), "zip bomb": bomb()}
    for name, data in files.items():
        seconds, outcome = timed_check(data)
        print(f"{name:15s} {len(data) / 1024:7.0f} KB  product check {seconds * 1000:7.1f} ms  → {outcome}")

    client = Client()
    quiet = []
    for _ in range(5):
        start = time.perf_counter()
        client.get("/to-chuc/dang-nhap/")
        quiet.append(time.perf_counter() - start)
    stop = threading.Event()

    def uploads():
        while not stop.is_set():
            timed_check(files["shared strings"])

    threads = [threading.Thread(target=uploads) for _ in range(2)]
    for thread in threads:
        thread.start()
    loaded = []
    for _ in range(5):
        start = time.perf_counter()
        client.get("/to-chuc/dang-nhap/")
        loaded.append(time.perf_counter() - start)
    stop.set()
    for thread in threads:
        thread.join()
    print(f"login page: alone {min(quiet) * 1000:.1f} ms, beside two hostile uploads {max(loaded) * 1000:.1f} ms "
          f"(worst of 5)")


if __name__ == "__main__":
    main()
