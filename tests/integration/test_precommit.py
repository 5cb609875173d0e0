"""The real pre-commit, pointed at this checkout with `try-repo`: it installs
reportlint from the repository's own files (.pre-commit-hooks.yaml,
pyproject.toml) into its own environment and runs it on staged drafts. The
README's examples are run as written."""

import os
import re
import shlex
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


README_TEXTS = [(ROOT / name).read_text(encoding="utf-8") for name in ("README.md", "README.en.md")]


def readme_example(pattern: str) -> str:
    """An example the READMEs give, the same in both languages."""
    (example,) = {re.search(pattern, text, re.S).group(1) for text in README_TEXTS}
    return example


def test_the_readmes_try_repo_command_works_as_written(drafts, tmp_path):
    # The README's layout: this repository checked out beside the drafts, as "reportlint".
    (drafts.parent / "reportlint").symlink_to(ROOT)
    command = shlex.split(readme_example(r"\n(pre-commit try-repo [^\n]*)\n"))
    environment = dict(os.environ, PRE_COMMIT_HOME=str(drafts.parent / "pre-commit-home"), NO_COLOR="1")
    result = subprocess.run([PRE_COMMIT, *command[1:]], cwd=drafts, capture_output=True, text=True, env=environment,
                            timeout=600)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "broken.txt:17:103: error [wording.placeholder]" in result.stdout
    assert "archive" not in result.stdout and "clean.txt" not in result.stdout


def test_the_readmes_pre_commit_configuration_works_as_written(tmp_path):
    configuration = readme_example(r"```yaml\n(repos:\n  - repo: local\n.*?)```")
    repo = tmp_path / "drafts"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".pre-commit-config.yaml").write_text(configuration, encoding="utf-8")
    shutil.copy(FIXTURES / "clean-free-2016.txt", repo / "clean.txt")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    # reportlint installed where the commits are made: this environment, as if activated.
    path = os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]
    environment = dict(os.environ, PATH=path, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1")

    def pre_commit_run():
        return subprocess.run([PRE_COMMIT, "run", "--all-files"], cwd=repo, capture_output=True, text=True,
                              env=environment, timeout=600)

    passed = pre_commit_run()
    assert passed.returncode == 0 and "Passed" in passed.stdout, passed.stdout + passed.stderr
    shutil.copy(SEED, repo / "broken.txt")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    failed = pre_commit_run()
    assert failed.returncode == 1 and "broken.txt:17:103: error [wording.placeholder]" in failed.stdout
