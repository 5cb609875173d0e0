"""What a draft can put into reportlint's output (issue 13, case 9): control
characters (Word's soft break \\x0b) into JUnit XML, terminal escape sequences
into text output on a terminal, in the draft or in its file name."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from running import run_cli, write_draft

ESCAPE = "\x1b]0;pwned\x07\x1b[2J"  # set the window title, clear the screen
HOSTILE = f"某局2016年政府信息公开工作年度报告\n一、概述\n本局编印«楚雄\x0b科技»{ESCAPE},行政决xx\x9b31m。\n"


def test_control_characters_in_a_draft_keep_junit_valid_xml(tmp_path):
    result = run_cli("--format", "junit", write_draft(tmp_path / "draft.txt", HOSTILE))
    assert result.exit_code == 1, result.output
    suites = ElementTree.fromstring(result.stdout.encode("utf-8"))
    messages = [failure.get("message") for failure in suites.iter("failure")]
    assert any("␋" in message for message in messages)


@pytest.mark.parametrize("color", ["never", "always"])
def test_escape_sequences_in_a_draft_never_reach_the_terminal(tmp_path, color):
    draft = write_draft(tmp_path / f"draft{ESCAPE}.txt", HOSTILE)
    result = run_cli("--color", color, draft)
    assert result.exit_code == 1, result.output
    own = {"\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[0m"} if color == "always" else set()
    text = result.stdout
    for code in own:
        text = text.replace(code, "")
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "␛[2J" in text and "␋" in text


def test_escape_sequences_in_error_messages_never_reach_the_terminal(tmp_path):
    broken = tmp_path / f"draft{ESCAPE}.docx"
    broken.write_bytes(b"not a zip")
    result = run_cli(broken)
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "␛]0;pwned␇" in result.stderr
