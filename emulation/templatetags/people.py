"""Template filters for people: ``{{ note.author|person_name }}`` prints "Lê Thùy Hằng"."""

from django import template

from emulation import text

register = template.Library()


@register.filter
def person_name(user) -> str:
    return text.person_name(user)
