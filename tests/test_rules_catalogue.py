"""Every built-in rule: its id matches its path, its kind exists, and its good
and bad examples behave as documented."""

import pytest

from reportlint.kinds import kind_names
from reportlint.linter import Linter
from reportlint.rules import builtin_rules_dir, load_rules, rule_files
from reportlint.source import from_text

RULES = load_rules()
IDS = [rule.id for rule in RULES]


def test_ids_are_paths_and_unique():
    files = rule_files(builtin_rules_dir())
    assert [rule_id for rule_id, _ in files] == IDS
    for rule, (rule_id, path) in zip(RULES, files):
        assert rule.path == path
        assert rule.id == ".".join(path.relative_to(builtin_rules_dir()).with_suffix("").parts)


def test_every_kind_is_used_and_known():
    used = {rule.kind.name for rule in RULES}
    assert used == set(kind_names()), f"kinds without a built-in rule: {set(kind_names()) - used}"


def test_every_rule_has_examples_and_docs():
    for rule in RULES:
        assert rule.examples.good and rule.examples.bad, rule.id
        assert rule.summary, rule.id
        assert rule.message, rule.id


def _findings(rule, text):
    previous = rule.examples.previous
    last_year = from_text(previous, "previous") if previous is not None else None
    return Linter([rule]).lint(from_text(text, "example"), last_year).diagnostics


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_good_examples_pass(rule):
    for example in rule.examples.good:
        assert _findings(rule, example) == (), f"{rule.id} fires on its good example: {example}"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_bad_examples_fail(rule):
    for example in rule.examples.bad:
        found = _findings(rule, example)
        assert found, f"{rule.id} misses its bad example: {example}"
        assert {diagnostic.rule for diagnostic in found} == {rule.id}
