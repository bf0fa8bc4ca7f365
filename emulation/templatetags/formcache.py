"""``{{ form|crispy_once }}``: ``|crispy`` for forms shown unfilled on busy pages (see ``emulation.formcache``)."""

from django import template

from emulation.formcache import crispy_once

register = template.Library()
register.filter("crispy_once", crispy_once)
