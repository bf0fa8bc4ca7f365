"""Open a workbook in LibreOffice through UNO and print, as JSON, what LibreOffice made of its layout:
frozen panes, merged title rows, page style (orientation, paper, fit to width) and print title rows.

Run with the system Python that has the UNO bridge (Debian ``python3-uno``), not the project's venv:

    /usr/bin/python3 tests/reports/libreoffice_probe.py book.xlsx [soffice]

A conversion with ``soffice --convert-to`` cannot show this: headless conversion drops view
settings such as frozen panes, so the document is loaded in a hidden window instead.
"""

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time

import uno  # noqa: I001 - from python3-uno, outside the venv
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def _connect(pipe: str, seconds: float = 60):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + seconds
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def _layout(document) -> dict:
    sheet = document.Sheets.getByIndex(0)
    controller = document.getCurrentController()
    style = document.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
    titles = sheet.getTitleRows()
    merged = [row for row in range(12) if sheet.getCellRangeByPosition(0, row, 1, row).getIsMerged()]
    return {
        "frozen": bool(controller.hasFrozenPanes()), "split_row": controller.getSplitRow(),
        "landscape": bool(style.IsLandscape), "width_mm": round(style.Width / 100),
        "height_mm": round(style.Height / 100), "pages_wide": style.ScaleToPagesX,
        "print_title_rows": bool(sheet.getPrintTitleRows()), "title_rows": [titles.StartRow + 1, titles.EndRow + 1],
        "merged_rows": [row + 1 for row in merged],
    }


def main(path: str, soffice: str = "soffice") -> None:
    profile, pipe = tempfile.mkdtemp(prefix="lo-probe-"), f"lo-probe-{os.getpid()}"
    office = subprocess.Popen([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
                               "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = _connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        hidden = PropertyValue()
        hidden.Name, hidden.Value = "Hidden", True
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                                (hidden,))
        print(json.dumps(_layout(document)))
        document.close(True)
        with contextlib.suppress(Exception):  # the bridge goes away as the office quits
            desktop.terminate()
        office.wait(timeout=30)
    finally:
        if office.poll() is None:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:])
