"""Documents: ask for one (rendered by a worker, or served from the cache), look at it, download it,
upload its signed copy back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emulation.viewhelpers import save_with, scoped_or_404

from .. import access, field_labels, pipeline, selectors, services
from ..forms import SignedUploadForm


@login_required
@require_POST
def document_request(request, kind, object_id):
    document_kind = pipeline.kind_of(kind)
    record = scoped_or_404(selectors.owner_record, request.user, document_kind.owner, object_id)
    if not access.can_render_kind(request.user, document_kind, record):
        raise PermissionDenied
    try:
        document, job = pipeline.request(kind=document_kind, object_id=object_id, user=request.user)
    except ValidationError as exc:  # e.g. a body after its end date: no document in its name
        for message in exc.messages:
            messages.error(request, message)
        return redirect(record.proposal if document_kind.owner == "nomination" else record)
    if document is not None:
        messages.info(request, _("Nội dung không thay đổi từ lần tạo trước: dùng lại tệp đã tạo."))
        return redirect("reports:document_detail", document.pk)
    return redirect("emulation:job_detail", job.pk)


@login_required
def document_detail(request, pk):
    document = scoped_or_404(selectors.document_detail, request.user, pk)
    form = SignedUploadForm(request.POST or None, request.FILES or None)
    can_upload = services.can_upload_signed(request.user, document)
    if request.method == "POST":
        if not can_upload:
            raise PermissionDenied
        holder = {}

        def attach():
            try:
                holder["upload"] = services.attach_signed(actor=request.user, document=document,
                                                          file=form.cleaned_data["file"])
            except services.SignatureRefused as refused:
                holder["refused"] = refused
                raise

        saved = form.is_valid() and save_with(form, attach)
        if "refused" in holder:
            services.tell_refusal(actor=request.user, document=document, refused=holder["refused"])
        if saved:
            messages.success(request, _("Đã kiểm tra chữ ký số và lưu bản đã ký."))
            if getattr(holder["upload"], "attached", False):
                messages.info(request, _("Bản đã ký được đính kèm vào hồ sơ đề nghị."))
            return redirect("reports:document_detail", document.pk)
    return render(request, "reports/document_detail.html", {
        "document": document, "form": form, "can_upload": can_upload,
        "fields": [{**f, "label": field_labels.label(f["name"])} for f in document.signature_fields],
        "signed_copies": [(copy, field_labels.signing_overview([f["name"] for f in document.signature_fields],
                                                              copy.signatures))
                          for copy in document.signed_copies.select_related("uploaded_by")],
        "history": list(selectors.document_history(document)[:10])})


def _file_response(field, filename):
    try:
        return FileResponse(field.open("rb"), as_attachment=True, filename=filename)
    except FileNotFoundError as exc:
        raise Http404 from exc


@login_required
def document_download(request, pk):
    document = scoped_or_404(selectors.document_detail, request.user, pk)
    return _file_response(document.file, document.filename)


@login_required
def signed_download(request, pk):
    upload = scoped_or_404(selectors.signed_copy, request.user, pk)
    return _file_response(upload.file, upload.file.name.rsplit("/", 1)[-1])
