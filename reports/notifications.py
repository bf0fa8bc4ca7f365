"""Who is told when a long document is ready (``emulation.notifications``): whoever asked for it; and when a
signed copy is refused: whoever uploaded it, with the reasons.

A document rendered by the worker (``reports.render_document``) emits ``document.ready`` once its job has
finished; the person who started the job is told, with a link to the document, if they can still open it.
Registered in ``ReportsConfig.ready()``.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation import notifications
from emulation.models import Job

from . import selectors


def document_ready(event) -> None:
    job = Job.objects.filter(pk=event.data.get("job_id")).first()
    requester = get_user_model().objects.filter(pk=job.created_by_id, is_active=True).first() if job else None
    if requester is None:
        return
    try:
        document = selectors.document_detail(requester, event.object_id)
    except ObjectDoesNotExist:
        return  # no longer theirs to open
    label = (job.result or {}).get("label", "") or document.filename
    text = _("Văn bản “%(label)s” (%(file)s) đã được tạo xong. Việc cần làm: mở văn bản để xem, tải về hoặc ký số "
             "rồi tải bản đã ký lên.") % {"label": label, "file": document.filename}
    notifications.notify(event, [requester], text, reverse("reports:document_detail", args=[document.pk]),
                         object_label=document.filename, actor=str(notifications.actor_name(event)))


def signed_copy_refused(event) -> None:
    uploader = get_user_model().objects.filter(pk=event.data.get("uploader_id"), is_active=True).first()
    if uploader is None:
        return
    try:
        document = selectors.document_detail(uploader, event.object_id)
    except ObjectDoesNotExist:
        return
    text = _("Bản ký số của văn bản “%(file)s” bạn tải lên không được chấp nhận. Lý do: %(reason)s. Việc cần làm: "
             "ký số trên đúng tệp do hệ thống tạo (không sửa tệp sau khi ký) rồi tải lên lại.") % {
        "file": document.filename, "reason": notifications.reason_of(event)}
    notifications.notify(event, [uploader], text, reverse("reports:document_detail", args=[document.pk]),
                         object_label=document.filename, actor=str(notifications.actor_name(event)))


def register() -> None:
    notifications.subscribe("document.ready", gettext_lazy("Văn bản đã tạo xong"), document_ready)
    notifications.subscribe("signed_copy.refuse", gettext_lazy("Bản ký số không được chấp nhận"), signed_copy_refused)
