"""Organisation, people, accounts and audit."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    NATIONAL = "national", _("Tổng cục / Cục Quản lý THADS")
    PROVINCIAL = "provincial", _("Cục THADS tỉnh / THADS tỉnh")
    DIVISION = "division", _("Phòng chuyên môn / Văn phòng")
    SUB_DEPARTMENT = "sub_department", _("Chi cục THADS / Phòng THADS khu vực")
    AUTHORITY = "authority", _("Cơ quan chính quyền (UBND, Sở…)")
    EXTERNAL = "external", _("Đơn vị ngoài ngành")


class Unit(models.Model):
    """Đơn vị: a node of the organisation tree, valid over a period."""

    code = models.CharField(_("mã đơn vị"), max_length=40, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_entity = models.BooleanField(_("có tư cách pháp nhân"), default=False)
    has_seal = models.BooleanField(_("có con dấu"), default=False)
    hardship = models.BooleanField(_("vùng sâu, vùng xa, khó khăn"), default=False)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    document_symbol = models.CharField(
        _("ký hiệu cơ quan trên văn bản"), max_length=30, blank=True,
        help_text=_("Phần viết tắt sau loại văn bản, ví dụ CTHADS trong “12/QĐ-CTHADS”."))
    place_name = models.CharField(_("địa danh ghi trên văn bản"), max_length=60, blank=True,
                                  help_text=_("Ví dụ: Hậu Giang (trong “Hậu Giang, ngày … tháng … năm …”)."))
    search_key = models.CharField(max_length=255, editable=False, db_index=True)
    sort_key = models.CharField(max_length=600, editable=False, db_index=True)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_period",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("emulation:unit_detail", args=[self.pk])

    def is_valid_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1 if self.path else 0


class SuccessionKind(models.TextChoices):
    RENAME = "rename", _("Đổi tên")
    MERGE = "merge", _("Hợp nhất / sáp nhập")
    SPLIT = "split", _("Chia tách")


class UnitSuccession(models.Model):
    """Kế thừa đơn vị: a typed link from a unit to the unit that took over its work."""

    predecessor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="successions_out")
    successor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="successions_in")
    kind = models.CharField(_("hình thức"), max_length=10, choices=SuccessionKind.choices)
    effective_on = models.DateField(_("ngày hiệu lực"))
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("kế thừa đơn vị")
        verbose_name_plural = _("kế thừa đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="unique_succession"),
            models.CheckConstraint(condition=~Q(predecessor=models.F("successor")), name="succession_not_self"),
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor} ({self.get_kind_display()})"


class Gender(models.TextChoices):
    FEMALE = "female", _("Nữ")
    MALE = "male", _("Nam")


class Officer(models.Model):
    """Công chức, người lao động."""

    code = models.CharField(_("mã cán bộ"), max_length=40, unique=True)
    full_name = models.CharField(_("họ và tên"), max_length=120)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị công tác hiện tại"), on_delete=models.PROTECT, related_name="officers",
    )
    position = models.CharField(_("chức vụ"), max_length=120, blank=True)
    is_leader = models.BooleanField(_("lãnh đạo, quản lý"), default=False)
    is_enforcement_officer = models.BooleanField(_("chấp hành viên"), default=False)
    is_active = models.BooleanField(_("đang công tác"), default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("tài khoản đăng nhập"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="officer",
        help_text=_("Tài khoản của chính cán bộ này (để nhận biết khi cán bộ là thành viên Hội đồng)."),
    )
    search_key = models.CharField(max_length=160, editable=False, db_index=True)
    sort_key = models.CharField(max_length=400, editable=False, db_index=True)

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["sort_key"]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("emulation:officer_detail", args=[self.pk])


class Assignment(models.Model):
    """Quá trình công tác: an officer at a unit in a position over a period."""

    officer = models.ForeignKey(Officer, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="assignments")
    position = models.CharField(_("chức vụ"), max_length=120, blank=True)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    hardship = models.BooleanField(_("công tác vùng sâu, vùng xa, khó khăn"), default=False)

    class Meta:
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["officer", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="assignment_period",
            ),
        ]

    def __str__(self):
        return f"{self.officer} – {self.unit} ({self.starts_on:%d/%m/%Y})"


class DisciplineForm(models.TextChoices):
    """Ordered from mildest to heaviest; ``severity`` gives the rank."""

    REPRIMAND = "reprimand", _("Khiển trách")
    WARNING = "warning", _("Cảnh cáo")
    SALARY_DOWNGRADE = "salary_downgrade", _("Hạ bậc lương")
    DEMOTION = "demotion", _("Giáng chức")
    REMOVAL = "removal", _("Cách chức")
    DISMISSAL = "dismissal", _("Buộc thôi việc")

    @classmethod
    def severity(cls, value: str) -> int:
        return list(cls.values).index(value) + 1


class Discipline(models.Model):
    """Kỷ luật."""

    officer = models.ForeignKey(Officer, on_delete=models.CASCADE, related_name="disciplines")
    form = models.CharField(_("hình thức kỷ luật"), max_length=20, choices=DisciplineForm.choices)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decided_on = models.DateField(_("ngày quyết định"))
    ends_on = models.DateField(_("ngày chấp hành xong thời gian kỷ luật"), null=True, blank=True)
    related_to_duties = models.BooleanField(_("liên quan đến thực thi công vụ"), default=True)
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["-decided_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("decided_on")),
                name="discipline_period",
            ),
        ]

    def __str__(self):
        return f"{self.get_form_display()} – {self.officer} ({self.decided_on:%d/%m/%Y})"

    @property
    def severity(self) -> int:
        return DisciplineForm.severity(self.form)


class RatingLevel(models.TextChoices):
    """Mức độ hoàn thành nhiệm vụ (Luật CBCC 2025 Điều 26), from the lowest; ``rank`` orders them."""

    NOT_COMPLETED = "not_completed", _("Không hoàn thành nhiệm vụ")
    COMPLETED = "completed", _("Hoàn thành nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")

    @classmethod
    def rank(cls, value: str) -> int:
        return list(cls.values).index(value)


class PerformanceRating(models.Model):
    """Kết quả đánh giá, xếp loại của một năm: the basis of Lao động tiên tiến, Chiến sĩ thi đua cơ sở
    and of the collective titles (share of members completing their tasks)."""

    officer = models.ForeignKey(Officer, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    level = models.CharField(_("mức độ hoàn thành nhiệm vụ"), max_length=16, choices=RatingLevel.choices)

    class Meta:
        verbose_name = _("đánh giá, xếp loại")
        verbose_name_plural = _("đánh giá, xếp loại")
        ordering = ["officer", "-year"]
        constraints = [models.UniqueConstraint(fields=["officer", "year"], name="one_rating_per_officer_year",
                                               violation_error_message=_("Cán bộ đã có kết quả đánh giá năm này."))]

    def __str__(self):
        return f"{self.officer} – {self.year}: {self.get_level_display()}"


class HoldKind(models.TextChoices):
    DISCIPLINE_REVIEW = "discipline_review", _("Đang xem xét kỷ luật")
    INVESTIGATION = "investigation", _("Đang điều tra, thanh tra, kiểm tra")
    COMPLAINT = "complaint", _("Đang xác minh khiếu nại, tố cáo, phản ánh")


class AwardHold(models.Model):
    """Vụ việc đang xem xét: while open, no award or upward proposal (NĐ 152/2025 Điều 4). Against an
    officer, or against a collective (``unit``): a collective's case (an inspection of the unit's
    work, say) stops the collective's own awards, not its members'; a member under review has a case
    of their own. A head of unit judged with their collective (the head-of-unit criterion) meets it
    through the collective."""

    officer = models.ForeignKey(Officer, null=True, blank=True, on_delete=models.CASCADE, related_name="holds")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="holds")
    kind = models.CharField(_("loại"), max_length=20, choices=HoldKind.choices)
    opened_on = models.DateField(_("từ ngày"))
    closed_on = models.DateField(_("kết thúc ngày"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("vụ việc đang xem xét")
        verbose_name_plural = _("vụ việc đang xem xét")
        ordering = ["-opened_on"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(officer__isnull=False) & Q(unit__isnull=True))
                | (Q(officer__isnull=True) & Q(unit__isnull=False)),
                name="hold_one_subject",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("opened_on")),
                name="hold_period",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.officer or self.unit}"

    def is_open_on(self, day) -> bool:
        return self.opened_on <= day and (self.closed_on is None or day <= self.closed_on)


class Role(models.TextChoices):
    STAFF = "staff", _("Thường trực thi đua – khen thưởng")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    COUNCIL_MEMBER = "council_member", _("Thành viên Hội đồng TĐKT")
    DIRECTOR = "director", _("Thủ trưởng cơ quan (Chủ tịch Hội đồng)")
    VIEWER = "viewer", _("Chỉ xem")
    ADMIN = "admin", _("Quản trị hệ thống")


class RoleGrant(models.Model):
    """Phân quyền: a user holds a role over a unit and its subtree."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("phạm vi đơn vị"), on_delete=models.CASCADE, related_name="role_grants",
    )

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [models.UniqueConstraint(fields=["user", "role", "unit"], name="unique_role_grant")]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.unit}"


class AuditAction(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    UPDATE = "update", _("Cập nhật")
    DELETE = "delete", _("Xóa")
    IMPORT = "import", _("Nhập từ Excel")
    SIGN_IN_FAILED = "login_fail", _("Đăng nhập sai")
    LOCKED_OUT = "lockout", _("Khóa đăng nhập")
    UNLOCKED = "unlock", _("Mở khóa đăng nhập")


class AuditEntry(models.Model):
    """Nhật ký thay đổi: who changed what, when, with the before/after values."""

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    actor_name = models.CharField(_("người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("thao tác"), max_length=10, choices=AuditAction.choices)
    model_label = models.CharField(_("loại dữ liệu"), max_length=100, db_index=True)
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(_("đối tượng"), max_length=255)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)

    class Meta:
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-id"]
        # The newest entries of one unit: the dashboard's "recent changes" probe it once per unit in scope.
        indexes = [models.Index(fields=["unit", "-at", "-id"], name="audit_unit_newest")]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_name} {self.get_action_display()} {self.object_repr}"


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ")
    RUNNING = "running", _("Đang xử lý")
    SUCCEEDED = "succeeded", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


class Job(models.Model):
    """Công việc chạy nền: the UI polls it; the Celery task updates it."""

    kind = models.CharField(max_length=60)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING)
    progress = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=255, blank=True)
    errors = models.JSONField(default=list, blank=True)
    result = models.JSONField(default=dict, blank=True)
    input_file = models.FileField(upload_to="jobs/%Y/%m/", blank=True)
    result_file = models.FileField(upload_to="jobs/%Y/%m/", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    attempts = models.PositiveIntegerField(default=0)
    # What runs it, so a job whose worker died can be handed out again (``jobs.sweep``).
    task = models.CharField(max_length=120, blank=True)
    task_kwargs = models.JSONField(default=dict, blank=True)
    # A running job belongs to its worker until then; the worker renews it while it works (``jobs.lease``).
    lease_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("công việc nền")
        verbose_name_plural = _("công việc nền")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if self.status == JobStatus.SUCCEEDED:
            return 100
        return int(self.progress * 100 / self.total) if self.total else 0

    @property
    def input_filename(self) -> str:
        return self.input_file.name.rsplit("/", 1)[-1] if self.input_file else ""

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)

    @property
    def error_count(self) -> int:
        """All the errors found; ``errors`` keeps the first 200 of them."""
        return (self.result or {}).get("error_count", len(self.errors))


class RegisteredDocument(models.Model):
    """Sổ đăng ký văn bản đi: one number a unit issued. Numbers run per issuer, year and series
    (QĐ, TTr, BB, BC…; an advisory council keeps its own, e.g. BB-HĐTĐKT) and are never reused."""

    issuer = models.ForeignKey(Unit, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT,
                               related_name="registered_documents")
    year = models.PositiveSmallIntegerField(_("năm"))
    series = models.CharField(_("sổ (loại văn bản)"), max_length=20)
    number = models.PositiveIntegerField(_("số"))
    symbol = models.CharField(_("ký hiệu"), max_length=60)
    subject = models.CharField(_("trích yếu"), max_length=500)
    issued_on = models.DateField(_("ngày văn bản"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("số văn bản đã cấp")
        verbose_name_plural = _("sổ đăng ký văn bản")
        ordering = ["issuer", "-year", "series", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year", "series", "number"], name="unique_register_number"),
            models.CheckConstraint(condition=Q(number__gt=0), name="register_number_positive"),
        ]

    def __str__(self):
        return f"Số {self.reference}"

    @property
    def reference(self) -> str:
        """"05/QĐ-CTHADS": numbers below 10 take a leading zero (NĐ 30/2020)."""
        return f"{self.number:02d}/{self.symbol}"


# The reorganisation operation (a module of its own: this one is long enough).
from .dispatch import OutboxStatus, OutboxTask  # noqa: E402, F401
from .mail import Channel, DigestItem, EmailStatus, NotificationPreference, OutboundEmail  # noqa: E402, F401
from .notifications import Notification  # noqa: E402, F401
from .reorganisation import Reorganisation, ReorganisationItem, ReorganisationKind  # noqa: E402, F401
from .submissions import FormSubmission  # noqa: E402, F401
