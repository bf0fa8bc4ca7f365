"""Rendering documents: asked for from a page, done by a Celery worker, cached by the hash of the inputs.

- ``request`` (the view): if a file rendered from the same inputs exists it is returned at once;
  otherwise a ``Job`` is created and the ``reports.render_document`` task asked for through the outbox.
- ``produce`` (the task): prepares again from fresh data, renders in memory, then writes the file
  under a name made from the hash through a temporary file and a rename, and only then records it.
  A worker killed mid-render leaves no file and no row; the re-delivered task starts over, and two
  runs of the same job end with one file and one row."""

import hashlib
import os
import tempfile
import time

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from emulation import audit, jobs
from emulation.models import AuditAction, Job

from .documents import KINDS, Kind, Prepared
from .models import GeneratedDocument

RENDERER_VERSION = "2026-11-23.1"  # bump when templates or the renderer change the output for the same data


def inputs_hash(kind: Kind, prepared: Prepared) -> str:
    digest = hashlib.sha256()
    for piece in (RENDERER_VERSION, kind.code, prepared.filename, prepared.inputs):
        digest.update(piece.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def kind_of(code: str) -> Kind:
    if code not in KINDS:
        raise PermissionDenied
    return KINDS[code]


def cached(kind: Kind, object_id: int, digest: str) -> GeneratedDocument | None:
    document = GeneratedDocument.objects.filter(kind=kind.code, object_id=object_id, inputs_hash=digest).first()
    if document is not None and default_storage.exists(document.file.name):
        return document
    return None


def request(*, kind: Kind, object_id: int, user) -> tuple[GeneratedDocument | None, Job | None]:
    """The caller has checked that ``user`` may see the record."""
    prepared = kind.prepare(object_id)
    document = cached(kind, object_id, inputs_hash(kind, prepared))
    if document is not None:
        return document, None
    job = jobs.start_job(kind=f"document:{kind.code}", user=user, task="reports.render_document",
                         task_kwargs={"kind": kind.code, "object_id": object_id}, total=prepared.steps,
                         result={"document_kind": kind.code, "object_id": object_id, "label": kind.label})
    return None, job


def _storage_name(kind: Kind, object_id: int, digest: str, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1]
    return f"documents/{kind.code}/{object_id}-{digest[:24]}.{extension}"


def _write_atomically(name: str, data: bytes) -> str:
    """All bytes or nothing under ``name``: a temporary file in the same folder, then a rename; in object
    storage (S3) one PUT, which is all or nothing by itself. The name is made from the content's hash, so a
    file already there is the same file."""
    try:
        path = default_storage.path(name)
    except NotImplementedError:  # no local path: object storage
        if not default_storage.exists(name):
            stored = default_storage.save(name, ContentFile(data))
            assert stored == name, stored
        return name
    os.makedirs(os.path.dirname(path), exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".rendering-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return name


def produce(*, kind: Kind, object_id: int, user=None, progress=None) -> GeneratedDocument:
    prepared = kind.prepare(object_id)
    digest = inputs_hash(kind, prepared)
    document = cached(kind, object_id, digest)
    if document is not None:
        return document
    started = time.perf_counter()
    output = prepared.render(progress)
    name = _write_atomically(_storage_name(kind, object_id, digest, prepared.filename), output.data)
    fields = [{"name": f.name, "page": f.page, "box": list(f.box)} for f in output.fields]
    try:
        with transaction.atomic():
            document, created = GeneratedDocument.objects.get_or_create(
                kind=kind.code, object_id=object_id, inputs_hash=digest, defaults={
                    "file": name, "filename": prepared.filename, "pages": output.pages, "size": len(output.data),
                    "signature_fields": fields, "render_seconds": round(time.perf_counter() - started, 3),
                    "generated_by": user})
            if not created and document.file.name != name:
                document.file.name = name
                document.save(update_fields=["file"])
            if created:
                audit.record(actor=user, action=AuditAction.CREATE, obj=document)
    except IntegrityError:  # the same job finished by another worker at the same moment
        document = GeneratedDocument.objects.get(kind=kind.code, object_id=object_id, inputs_hash=digest)
    return document


def run_job(job_id: int, kind_code: str, object_id: int) -> GeneratedDocument:
    job = Job.objects.select_related("created_by").get(pk=job_id)
    return produce(kind=kind_of(kind_code), object_id=object_id, user=job.created_by,
                   progress=lambda done, total: jobs.report_progress(job_id, done, total, noun="phần"))
