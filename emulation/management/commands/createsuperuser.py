"""``createsuperuser`` that holds the password rules in non-interactive mode too: Django's own checks
``AUTH_PASSWORD_VALIDATORS`` only when it prompts, and takes ``DJANGO_SUPERUSER_PASSWORD`` as it is.
(``emulation`` is listed before ``django.contrib.auth`` in INSTALLED_APPS so that this command wins.)"""

import os

from django.contrib.auth import password_validation
from django.contrib.auth.management.commands import createsuperuser
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


class Command(createsuperuser.Command):
    def handle(self, *args, **options):
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not options["interactive"] and password is not None:
            username = options.get(self.UserModel.USERNAME_FIELD) or os.environ.get("DJANGO_SUPERUSER_USERNAME", "")
            try:
                password_validation.validate_password(password, self.UserModel(username=username))
            except ValidationError as exc:
                raise CommandError("DJANGO_SUPERUSER_PASSWORD: " + " ".join(exc.messages)) from exc
        return super().handle(*args, **options)
