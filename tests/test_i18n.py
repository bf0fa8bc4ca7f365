"""Vietnamese for everyone unless they chose English with the switch (Django's language cookie);
the browser's Accept-Language never decides. The English catalogue is complete, not fuzzy, keeps
every placeholder, and the committed .mo matches the .po."""
# ruff: noqa: F811 - the fixtures imported from the awards tests are requested by name

import datetime
import gettext
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from awards.models import CouncilMember, MemberRole, PublicationState
from campaigns.cascading import Status, StatusKind
from emulation import audit
from emulation.models import AuditAction
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.awards.typical_fixtures import example_a, typical_campaign  # noqa: F401

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\{\s*\w+\s*\}\}")


def choose(client: Client, language: str) -> Client:
    response = client.post(reverse("set_language"), {"language": language, "next": "/"})
    assert (response.status_code, response.cookies[settings.LANGUAGE_COOKIE_NAME].value) == (302, language)
    return client


def page(client: Client, url: str, **headers) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def navbar(html: str) -> str:
    return html[html.index('<ul class="navbar-nav'):html.index("</ul>")]


# The language is chosen, never negotiated.

@pytest.mark.integration
def test_login_page_is_vietnamese_even_when_the_browser_asks_for_english(client):
    html = page(client, reverse("emulation:login"), accept_language="en-US,en;q=0.9")
    assert ('<html lang="vi">' in html, "Tên đăng nhập" in html, "Username" in html) == (True, True, False)
    assert 'value="en" lang="en"' in html  # the switch is on the login page too


@pytest.mark.integration
def test_dashboard_is_vietnamese_even_when_the_browser_asks_for_english(login, staff):
    html = page(login(staff), reverse("reports:dashboard"), accept_language="en")
    assert ("Kế hoạch" in navbar(html), "Plans" in navbar(html), "Đăng xuất" in html) == (True, False, True)


@pytest.mark.integration
def test_choosing_english_translates_the_pages_and_vietnamese_switches_back(login, staff):
    client = choose(login(staff), "en")
    html = page(client, reverse("reports:dashboard"))
    assert '<html lang="en">' in html
    assert [label in navbar(html) for label in ("Dashboard", "Plans", "Campaigns", "Units", "Officers")] == [True] * 5
    assert ("Log out" in html, "Overview of emulation and commendation work" in html, "Kế hoạch" in navbar(html)) == (
        True, True, False)

    html = page(choose(client, "vi"), reverse("reports:dashboard"), accept_language="en")
    assert ('<html lang="vi">' in html, "Kế hoạch" in navbar(html), "Plans" in navbar(html)) == (True, True, False)


@pytest.mark.integration
def test_anonymous_visitor_can_choose_english_on_the_login_page(client):
    html = page(choose(client, "en"), reverse("emulation:login"))
    assert ("Username" in html, "Incorrect username" in html, "Tên đăng nhập" in html) == (True, False, False)


@pytest.mark.integration
def test_an_unknown_language_in_the_cookie_falls_back_to_vietnamese(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    html = page(client, reverse("emulation:login"))
    assert ('<html lang="vi">' in html, "Tên đăng nhập" in html) == (True, True)


@pytest.mark.integration
def test_a_language_outside_the_list_is_ignored_even_if_set_language_stores_it(client):
    # set_language accepts any language Django itself ships (French included); the middleware does not.
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    html = page(client, reverse("emulation:login"), accept_language="fr")
    assert ('<html lang="vi">' in html, "Tên đăng nhập" in html) == (True, True)


# English pages render (dates stay dd/mm/yyyy: it is a Vietnamese agency's tool).

@pytest.mark.integration
def test_dashboard_and_plan_list_render_in_english(login, staff, province_plan, plan_a):
    client = choose(login(staff), "en")
    assert "Upcoming deadlines (45 days)" in page(client, reverse("reports:dashboard"))
    html = page(client, reverse("campaigns:plan_list"))
    assert ("Emulation plans" in html, province_plan.title in html, "Mọi năm" in html) == (True, True, False)


@pytest.mark.integration
def test_campaign_awards_page_renders_in_english(login, staff, submitted_proposal):
    html = page(choose(login(staff), "en"), reverse("awards:campaign_awards", args=[submitted_proposal.campaign_id]))
    assert ("Campaign awards" in html, "Award proposals from units" in html, "Submitted" in html) == (True, True, True)


@pytest.mark.integration
def test_public_honour_board_renders_in_english(client, example_a):
    example_a.publication = PublicationState.PUBLISHED
    example_a.published_at = datetime.datetime(2024, 6, 11, 2, 0, tzinfo=datetime.UTC)
    example_a.save()
    html = page(choose(client, "en"), reverse("awards:honour_board"))
    assert ("Honouring advanced examples" in html, example_a.title in html, "Published on 11/06/2024" in html) == (
        True, True, True)
    assert 'value="vi" lang="vi"' in html


@pytest.mark.unit
def test_day_counts_are_plural_aware_in_english():
    with translation.override("en"):
        labels = [Status(StatusKind.LATE, 1).label, Status(StatusKind.OVERDUE, 3).label,
                  Status(StatusKind.PENDING, 1).hint]
    with translation.override("vi"):
        labels.append(Status(StatusKind.LATE, 1).label)
    assert labels == ["Submitted late (1 day)", "3 days overdue", "1 day left", "Nộp muộn (1 ngày)"]


@pytest.mark.integration
def test_stored_text_stays_vietnamese_when_the_actor_works_in_english(staff):
    member = CouncilMember(full_name="Hoàng Công Lộc", role=MemberRole.MEMBER)
    with translation.override("en"):
        entry = audit.record(actor=staff, action=AuditAction.CREATE, obj=member, after={})
    assert entry.object_repr == "Hoàng Công Lộc (Ủy viên)"


# The catalogue itself.

def read_po(path: Path) -> list[dict]:
    """A tiny .po reader: one dict per entry with its flags, msgctxt, msgid, msgid_plural and msgstr(s)."""
    entries, entry, key = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry is not None and "msgid" in entry:
                entries.append(entry)
            entry, key = None, None
            continue
        entry = entry if entry is not None else {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            text = json.loads(line)
            if isinstance(key, int):
                entry["msgstr"][key] += text
            else:
                entry[key] += text
        else:
            keyword, _space, quoted = line.partition(" ")
            match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            key = int(match.group(1)) if match else (0 if keyword == "msgstr" else keyword)
            if isinstance(key, int):
                entry["msgstr"][key] = json.loads(quoted)
            else:
                entry[key] = json.loads(quoted)
    return [e for e in entries if e["msgid"]]  # the header has an empty msgid


@pytest.fixture(scope="module")
def catalogue():
    return read_po(LOCALE / "django.po")


@pytest.mark.unit
def test_every_entry_is_translated_and_none_is_fuzzy(catalogue):
    assert len(catalogue) > 1000
    assert [e["msgid"] for e in catalogue if "fuzzy" in e["flags"]] == []
    assert [e["msgid"] for e in catalogue if not all(s.strip() for s in e["msgstr"].values())] == []
    assert [e["msgid"] for e in catalogue if "msgid_plural" in e and sorted(e["msgstr"]) != [0, 1]] == []


@pytest.mark.unit
def test_header_is_not_fuzzy_and_declares_english_plurals():
    header = (LOCALE / "django.po").read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert ("#, fuzzy" in header, '"Language: en\\n"' in header,
            '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in header) == (False, True, True)


@pytest.mark.unit
def test_translations_keep_the_placeholders(catalogue):
    mismatched = []
    for e in catalogue:
        for msgid, msgstr in [(e.get("msgid_plural", e["msgid"]) if n else e["msgid"], s)
                              for n, s in e["msgstr"].items()]:
            if set(PLACEHOLDER.findall(msgid)) != set(PLACEHOLDER.findall(msgstr)):
                mismatched.append((msgid, msgstr))
    assert mismatched == []


@pytest.mark.unit
def test_the_committed_mo_matches_the_po(catalogue):
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for e in catalogue:
        if "msgid_plural" in e:
            got = [compiled.ngettext(e["msgid"], e["msgid_plural"], n) for n in (1, 2)]
            want = [e["msgstr"][0], e["msgstr"][1]]
        elif "msgctxt" in e:
            got, want = compiled.pgettext(e["msgctxt"], e["msgid"]), e["msgstr"][0]
        else:
            got, want = compiled.gettext(e["msgid"]), e["msgstr"][0]
        if got != want:
            stale.append(e["msgid"])
    assert stale == []
