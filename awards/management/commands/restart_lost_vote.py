"""``python manage.py restart_lost_vote SESSION_ID --actor USERNAME``: when a session's ballot key is lost
before the count (docs/ballot-secrecy.md), delete the ballots no key opens any more and the record of who
voted, so that the members vote again. Audited under the acting staff member; refused if the key exists."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from awards.models import CouncilSession
from awards.services import ballots


class Command(BaseCommand):
    help = "Bỏ phiếu lại khi khóa niêm phong phiếu bầu của phiên họp bị mất trước khi kiểm phiếu."

    def add_arguments(self, parser):
        parser.add_argument("session_id", type=int)
        parser.add_argument("--actor", required=True, help="Tài khoản cán bộ thường trực thực hiện (ghi nhật ký).")

    def handle(self, *args, session_id, actor, **options):
        try:
            session = CouncilSession.objects.get(pk=session_id)
            user = get_user_model().objects.get(username=actor)
            papers = ballots.restart_lost_vote(actor=user, session=session)
        except (CouncilSession.DoesNotExist, get_user_model().DoesNotExist) as exc:
            raise CommandError(str(exc)) from exc
        except PermissionDenied as exc:
            raise CommandError(f"{actor} không được quản lý phiên họp này.") from exc
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(f"Đã xóa {papers} phiếu không thể mở; các thành viên bỏ phiếu lại.")
