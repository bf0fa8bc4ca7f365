"""The image (no Docker engine here, so read as text): non-root, nothing local or secret in the build context,
WeasyPrint's system packages, static files collected at build, the same pinned versions as ``make``."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
IGNORED = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
           if line.strip() and not line.startswith("#")}


def test_runs_as_a_user_of_its_own():
    users = re.findall(r"^USER\s+(\S+)", DOCKERFILE, re.M)
    assert users and users[-1].split(":")[0] not in {"root", "0"}


@pytest.mark.parametrize("path", [".env", ".venv", "media", "var", "test-artifacts", ".git", ".scratch",
                                  "staticfiles", "db.sqlite3", "**/__pycache__"])
def test_left_out_of_the_build_context(path):
    assert path in IGNORED


def test_everything_git_ignores_is_left_out_too():
    for line in (ROOT / ".gitignore").read_text().splitlines():
        entry = line.strip().strip("/")
        if not entry or entry.startswith("#"):
            continue
        entry = {"__pycache__": "**/__pycache__", "*.pyc": "**/*.pyc"}.get(entry, entry)
        assert entry in IGNORED, f"{entry} is git-ignored but would be copied into the image"


def test_env_file_is_never_copied():
    assert ".env" in IGNORED and ".env.*" in IGNORED
    assert not re.search(r"^(COPY|ADD)\s+.*\.env\b", DOCKERFILE, re.M)


def test_weasyprint_system_packages_are_the_ones_make_checks():
    makefile = (ROOT / "Makefile").read_text()
    packages = re.search(r"^SYSTEM_PACKAGES := (.+)$", makefile, re.M).group(1).split()
    assert "libpango-1.0-0" in packages
    for package in packages:
        assert package in DOCKERFILE


def test_static_files_collected_at_build_and_versions_from_the_lock():
    assert "collectstatic --noinput" in DOCKERFILE
    assert "COPY pyproject.toml requirements.lock" in DOCKERFILE and "-c requirements.lock" in DOCKERFILE
    assert '-c requirements.lock ".[test]"' in (ROOT / "Makefile").read_text()


def test_the_lock_pins_every_dependency():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pinned = {re.split(r"==", line)[0].lower().replace("_", "-").replace(".", "-")
              for line in (ROOT / "requirements.lock").read_text().splitlines() if "==" in line}
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0).lower().replace("_", "-").replace(".", "-")
        assert name in pinned, requirement
