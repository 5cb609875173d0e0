"""Every built-in rule: its id matches its path, its kind exists, and its good
and bad examples behave as documented (what a bad example must match and, for
a fixable rule, the text --fix makes of it)."""

import pytest

from reportlint.facts import Facts
from reportlint.fixes import fix_text
from reportlint.kinds import kind_names
from reportlint.linter import Linter
from reportlint.parser import parse
from reportlint.rules import builtin_rules_dir, load_rules, rule_files
from reportlint.source import from_text

RULES = load_rules()
IDS = [rule.id for rule in RULES]
FIXABLE = [rule for rule in RULES if rule.fixable]


def test_ids_are_paths_and_unique():
    files = rule_files(builtin_rules_dir())
    assert [rule_id for rule_id, _ in files] == IDS
    for rule, (_, path) in zip(RULES, files):
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


def _previous(rule):
    previous = rule.examples.previous
    return from_text(previous, "previous") if previous is not None else None


def _findings(rule, text):
    return Linter([rule]).lint(from_text(text, "example"), _previous(rule)).diagnostics


def _spanned_text(source, diagnostic):
    start = source.offset(diagnostic.line, diagnostic.column)
    return source.text[start:source.offset(diagnostic.end_line, diagnostic.end_column)]


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_good_examples_pass(rule):
    for example in rule.examples.good:
        assert _findings(rule, example) == (), f"{rule.id} fires on its good example: {example}"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_bad_examples_fail(rule):
    for example in rule.examples.bad:
        found = _findings(rule, example.text)
        assert found, f"{rule.id} misses its bad example: {example.text}"
        assert {diagnostic.rule for diagnostic in found} == {rule.id}
        if example.match is not None:
            source = from_text(example.text, "example")
            spanned = [_spanned_text(source, diagnostic) for diagnostic in found]
            assert example.match in spanned, f"{rule.id} points at {spanned}, not “{example.match}”"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_bad_examples_are_fixed_as_documented(rule):
    for example in rule.examples.bad:
        if example.fix is not None:
            fixed, _ = fix_text(example.text, lambda text: from_text(text, "example"),
                                lambda source: list(Linter([rule]).lint(source, _previous(rule)).diagnostics))
            assert fixed == example.fix


@pytest.mark.parametrize("rule", FIXABLE, ids=[rule.id for rule in FIXABLE])
def test_every_fixable_rule_shows_a_fix(rule):
    assert any(example.fix is not None for example in rule.examples.bad), f"{rule.id}: no example with its fix"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_findings_supply_exactly_the_declared_message_arguments(rule):
    """A message may name any argument its kind declares, so every finding must supply each of them."""
    previous = _previous(rule)
    for text in (*rule.examples.good, *(example.text for example in rule.examples.bad)):
        facts = Facts(parse(from_text(text, "example")), previous=Facts(parse(previous)) if previous else None)
        for finding in rule.kind.check(facts):
            assert set(finding.args) == rule.kind.message_args, rule.id
