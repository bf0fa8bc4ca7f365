"""The award decision (Quyết định khen thưởng, NĐ 30/2020 Mẫu 1.2) with its annexed list of the
collectives and individuals it awards. The number is the one the register issued at approval; the
list is the decision's award records (nominations only forwarded upward, or declined, are not in it)."""

from dataclasses import replace

from django.db.models import Prefetch

from awards.models import AwardRecord, Decision
from emulation import organisation, registers

from . import layout
from .proposals import BASES, NEW_BASIS_FROM

LAW = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
SIGNING_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")


def load_decision(pk: int) -> Decision:
    records = AwardRecord.objects.select_related(
        "award_form", "officer__unit", "unit", "nomination__campaign_award").order_by(
        "nomination__campaign_award__position", "award_form__rank", "officer__sort_key", "unit__sort_key", "id")
    return (Decision.objects.select_related("issuer__parent", "registered", "session__unit",
                                            "session__minutes_entry", "session__campaign__plan__issuer")
            .prefetch_related(Prefetch("records", records)).get(pk=pk))


def authority_lines(title: str, fallback: str = "") -> tuple[str, ...]:
    """The signing authority as printed, one line each: "KT. CỤC TRƯỞNG" / "PHÓ CỤC TRƯỞNG". A title
    typed on one line ("TM. ỦY BAN NHÂN DÂN – CHỦ TỊCH") is split after the collective it signs for."""
    lines = [line.strip() for line in (title or fallback).splitlines() if line.strip()]
    if len(lines) == 1 and lines[0].upper().startswith(SIGNING_PREFIXES):
        for dash in (" – ", " - "):
            if dash in lines[0]:
                lines = [part.strip() for part in lines[0].split(dash, 1)]
                break
    return tuple(lines)


def award_groups(records) -> list[tuple[str, list[tuple[str, list[AwardRecord]]]]]:
    """Records by award form, collectives first, then individuals."""
    forms: dict[str, dict[str, list]] = {}
    for record in records:
        kinds = forms.setdefault(record.award_form.name, {"Tập thể": [], "Cá nhân": []})
        kinds["Cá nhân" if record.officer_id else "Tập thể"].append(record)
    return [(name, [(kind, items) for kind, items in kinds.items() if items]) for name, kinds in forms.items()]


def recitals(decision: Decision) -> list[str]:
    """Căn cứ …; each ends with ";", the last (the council's proposal) with "."."""
    session, plan = decision.session, decision.session.campaign.plan
    decree = BASES["nd152" if decision.decided_on >= NEW_BASIS_FROM else "nd98"].decree
    lines = [f"Căn cứ {LAW};",
             f"Căn cứ {decree} của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
             f"Căn cứ Kế hoạch số {plan.reference}{' ' + layout.vn_date(plan.issued_on) if plan.issued_on else ''} "
             f"của {plan.issuer.name} về {session.campaign.name};"]
    minutes = session.minutes_entry
    held = f" {layout.vn_date(minutes.issued_on)}" if minutes else ""
    lines.append(f"Xét đề nghị của Hội đồng Thi đua – Khen thưởng {session.unit.name}"
                 + (f" tại Biên bản số {minutes.reference}{held}" if minutes else "") + ".")
    return lines


def decision_parts(decision: Decision, prefix: str = "QuyetDinh_") -> list[str]:
    issuer = registers.issuing_body(decision.issuer)
    campaign = decision.session.campaign
    records = list(decision.records.all())
    subject = ("Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua "
               f"“{campaign.name}”")
    on = decision.decided_on
    recipients = ["Như Điều 3"]
    if parent := organisation.header_for(issuer, on).parent_body:
        recipients.append(f"{parent} (để báo cáo)")
    recipients.append(f"Lưu: VT, {registers.agency_symbol(issuer)}")
    head = layout.head_for(
        issuer, series="QĐ", entry=decision.registered, day=decision.decided_on,
        title=f"Quyết định số {decision.reference} – khen thưởng", type_name="Quyết định", subject=subject,
        recipients=tuple(recipients),
        authority_lines=authority_lines(decision.signer_title, layout.head_title(issuer, on)),
        signer_name=decision.signer_name, field_prefix=prefix)
    head = replace(head, number_text=decision.reference)
    groups = award_groups(records)
    context = {"decision": decision, "issuer": issuer, "campaign": campaign, "groups": groups,
               "authority": organisation.signer_authority(issuer, on), "recitals": recitals(decision),
               "collectives": sum(1 for r in records if not r.officer_id),
               "individuals": sum(1 for r in records if r.officer_id)}
    return [layout.render("reports/documents/decision.html", head, **context),
            layout.render("reports/documents/decision_list.html", head, **context)]
