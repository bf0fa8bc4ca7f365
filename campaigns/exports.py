"""The complete attainment table as a file (Excel or CSV), and the overall standings (Excel), rendered by a
Celery job from the latest snapshot's rows in the job creator's scope (``tasks.export_attainment``), never in
the request."""

from emulation import jobs

from . import exporters, selectors
from .models import Campaign, StandingRow
from .selectors.attainment import TableFilters, attainment_table, latest_snapshot
from .selectors.standings import standings_table

FORMATS = {"xlsx": "xlsx", "csv": "csv"}


def start_attainment_export(*, actor, campaign: Campaign, filters: TableFilters, fmt: str):
    """The caller has checked that ``actor`` sees the campaign; ``fmt`` is one of ``FORMATS``."""
    return jobs.start_job(kind="export_attainment", user=actor, task="campaigns.export_attainment",
                          task_kwargs={"campaign_id": campaign.pk, "filters": filters.as_dict(), "fmt": fmt},
                          result={"export_label": "Bảng đạt chỉ tiêu", "next_url": campaign.get_absolute_url()})


def attainment_file(campaign_id: int, *, user, filters: dict, fmt: str) -> tuple[str, bytes]:
    """Raises ``Campaign.DoesNotExist`` when the user no longer sees the campaign."""
    campaign = selectors.campaigns_visible_to(user).get(pk=campaign_id)
    snapshot = latest_snapshot(campaign)
    stored = []
    if snapshot is not None:
        stored = exporters.stored_rows(attainment_table(user, campaign, snapshot, TableFilters.clean(**filters)))
    name = f"dat-chi-tieu-phong-trao-{campaign.pk}.{FORMATS[fmt]}"
    if fmt == "csv":
        return name, exporters.attainment_csv(campaign, stored)
    return name, exporters.attainment_workbook(campaign, stored)


def start_standings_export(*, actor, campaign: Campaign, group: int | None, q: str):
    """The standings as Excel, by the same job as the attainment table (``table="standings"``)."""
    return jobs.start_job(kind="export_attainment", user=actor, task="campaigns.export_attainment",
                          task_kwargs={"campaign_id": campaign.pk, "filters": {"group": group, "q": q}, "fmt": "xlsx",
                                       "table": "standings"},
                          result={"export_label": "Bảng xếp hạng chung", "next_url": campaign.get_absolute_url()})


def standings_file(campaign_id: int, *, user, filters: dict, fmt: str) -> tuple[str, bytes]:
    """Raises ``Campaign.DoesNotExist`` when the user no longer sees the campaign; ``fmt`` is always xlsx."""
    campaign = selectors.campaigns_visible_to(user).get(pk=campaign_id)
    snapshot = latest_snapshot(campaign)
    rows = standings_table(user, campaign, snapshot, group=filters.get("group"), q=filters.get("q", "")) \
        if snapshot is not None else StandingRow.objects.none()
    return f"xep-hang-phong-trao-{campaign.pk}.xlsx", exporters.standings_workbook(campaign, rows)


TABLES = {"attainment": attainment_file, "standings": standings_file}
