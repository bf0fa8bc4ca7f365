import pytest


@pytest.fixture
def forbid(monkeypatch):
    """``forbid((module, "name"), …)``: calling any of them fails the test (a page that must not recompute)."""

    def refuse(*args, **kwargs):
        raise AssertionError("called what the page must not call")

    def patch(*names):
        for owner, name in names:
            monkeypatch.setattr(owner, name, refuse)

    return patch
