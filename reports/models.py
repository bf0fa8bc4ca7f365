"""Generated documents (PDF, Excel) and the signed copies uploaded back."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GeneratedDocument(models.Model):
    """One rendered file. Its ``inputs_hash`` is the hash of everything it was rendered from, so an
    unchanged document is served from here instead of being rendered again."""

    kind = models.CharField(_("loại văn bản"), max_length=40)
    object_id = models.PositiveIntegerField()
    inputs_hash = models.CharField(max_length=64)
    file = models.FileField(upload_to="documents/%Y/%m/")
    filename = models.CharField(_("tên tệp"), max_length=255)
    pages = models.PositiveIntegerField(_("số trang"), null=True, blank=True)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    signature_fields = models.JSONField(_("ô chữ ký"), default=list, blank=True)
    render_seconds = models.FloatField(default=0)
    generated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("người tạo"))
    generated_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("văn bản đã tạo")
        verbose_name_plural = _("văn bản đã tạo")
        ordering = ["-generated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "inputs_hash"], name="one_file_per_input"),
        ]

    def __str__(self):
        return self.filename

    @property
    def is_pdf(self) -> bool:
        return self.filename.lower().endswith(".pdf")


class SignedUpload(models.Model):
    """A digitally signed copy of a generated PDF, verified on upload (only verified copies are kept)."""

    document = models.ForeignKey(GeneratedDocument, on_delete=models.PROTECT, related_name="signed_copies")
    file = models.FileField(upload_to="signed/%Y/%m/")
    sha256 = models.CharField(max_length=64)
    signatures = models.JSONField(_("chữ ký"), default=list)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người tải lên"))
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    class Meta:
        verbose_name = _("bản đã ký số")
        verbose_name_plural = _("bản đã ký số")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self):
        return f"Bản ký số – {self.document.filename}"
