"""The real pre-commit, pointed at this checkout with `try-repo`: it installs
reportlint from the repository's own files (.pre-commit-hooks.yaml,
pyproject.toml) into its own environment and runs it on staged drafts."""

import os
import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, SEED

# pre-commit builds an environment of its own from the checkout: seconds per test.
pytestmark = [pytest.mark.precommit, pytest.mark.slow]

PRE_COMMIT = os.path.join(os.path.dirname(sys.executable), "pre-commit")


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    if not os.path.exists(PRE_COMMIT):
        pytest.fail("pre-commit is a test dependency: pip install '.[test]'")
    repo = tmp_path_factory.mktemp("drafts")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copy(FIXTURES / "clean-free-2016.txt", repo / "clean.txt")
    shutil.copy(SEED, repo / "broken.txt")
    (repo / "archive").mkdir()
    shutil.copy(SEED, repo / "archive" / "2016.txt")
    (repo / ".reportlint.yaml").write_text("exclude: [archive]\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    return repo


def try_repo(repo, *files):
    environment = dict(os.environ, PRE_COMMIT_HOME=str(repo.parent / "pre-commit-home"), NO_COLOR="1")
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(ROOT), "reportlint", "--files", *files],
        cwd=repo, capture_output=True, text=True, env=environment, timeout=600,
    )


def test_hook_passes_on_a_clean_draft(drafts):
    result = try_repo(drafts, "clean.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "reportlint" in result.stdout and "Passed" in result.stdout


def test_hook_fails_on_a_broken_draft(drafts):
    result = try_repo(drafts, "broken.txt")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "broken.txt:17:103: error [wording.placeholder]" in result.stdout


def test_hook_skips_the_configured_excludes_it_is_given(drafts):
    # pre-commit names each staged file; the hook's --force-exclude applies `exclude` to them.
    result = try_repo(drafts, "archive/2016.txt", "clean.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout and "archive" not in result.stdout
