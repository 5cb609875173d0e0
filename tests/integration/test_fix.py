"""--fix and --diff: only safe edits, idempotent, every other byte kept, the
file's encoding, BOM and newlines kept, written atomically."""

import codecs

import pytest
from click.testing import CliRunner
from conftest import SEED

from reportlint.cli import main

SEED_TEXT = SEED.read_text(encoding="utf-8")


def fix(path, *args):
    return CliRunner().invoke(main, ["--fix", *args, str(path)])


def test_fix_applies_safe_edits_only(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(SEED_TEXT, encoding="utf-8")
    result = fix(draft)
    fixed = draft.read_text(encoding="utf-8")
    assert "«楚雄科技»" not in fixed and fixed.count("《楚雄科技》") == SEED_TEXT.count("《楚雄科技》") + 2
    assert "科技项目快讯、权力清单" in fixed  # 、、 → 、
    assert "对违反《政府信息公开条例》、造成" in fixed  # law title
    assert "（一）加强组织领导，夯实" in fixed  # half-width punctuation
    # Not safe, so left alone: the placeholder, the repeated word, 一学两做.
    assert "行政决xx" in fixed and "工作工作" in fixed and "一学两做" in fixed
    # What remains is reported, and fixing again changes nothing.
    assert "wording.placeholder" in result.output
    assert fix(draft).stderr == ""
    assert draft.read_text(encoding="utf-8") == fixed


def test_untouched_bytes_are_preserved(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(SEED_TEXT, encoding="utf-8")
    fix(draft)
    fixed = draft.read_text(encoding="utf-8")
    # Every character the fixes did not replace is where it was: take away the
    # replacements and the two texts line up.
    replaced = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "«": "《", "»": "》"}
    # 、、→、 ; 政务公开条例 → 《政府信息公开条例》 (+4) ; 》、《 → 》《
    assert len(fixed) == len(SEED_TEXT) - 1 + 4 - SEED_TEXT.count("》、《")
    assert fixed.split("\n")[0] == SEED_TEXT.split("\n")[0]
    assert fixed.split("\n")[1] == SEED_TEXT.split("\n")[1]  # metadata is not prose: untouched
    for before, after in zip(SEED_TEXT.split("\n")[3:15], fixed.split("\n")[3:15]):
        before = before.replace("》、《", "》《")
        assert "".join(replaced.get(char, char) for char in before) == after


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [("gb18030", b"", "\r\n"), ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"), ("utf-8", codecs.BOM_UTF8, "\r"),
     ("utf-8", b"", "\n")],
)
def test_encoding_bom_and_newlines_are_kept(tmp_path, encoding, bom, newline):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(bom + SEED_TEXT.replace("\n", newline).encode(encoding))
    fix(draft)
    data = draft.read_bytes()
    assert data.startswith(bom)
    text = data[len(bom):].decode(encoding)
    assert text.count(newline) == SEED_TEXT.count("\n")
    if newline == "\r\n":
        assert "\n" not in text.replace("\r\n", "")
    assert "《楚雄科技》书刊" in text
    reference = tmp_path / "reference.txt"
    reference.write_text(SEED_TEXT, encoding="utf-8")
    fix(reference)
    assert text.replace(newline, "\n") == reference.read_text(encoding="utf-8")


def test_mixed_newlines_are_kept_line_by_line(tmp_path):
    lines = SEED_TEXT.split("\n")
    mixed = "".join(line + ("\r\n" if index % 2 else "\n") for index, line in enumerate(lines[:-1])) + lines[-1]
    draft = tmp_path / "draft.txt"
    draft.write_bytes(mixed.encode("utf-8"))
    fix(draft)
    text = draft.read_bytes().decode("utf-8")
    assert [part.endswith("\r") for part in text.split("\n")[:-1]] == [bool(index % 2) for index in range(len(lines) - 1)]


def test_diff_shows_without_writing(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(SEED_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["--diff", str(draft)])
    assert result.exit_code == 1
    assert "-依托州科技局、州知识产权局网站以及«楚雄科技»" not in result.stdout  # whole lines are shown
    assert any(line.startswith("+") and "《楚雄科技》书刊" in line for line in result.stdout.splitlines())
    assert draft.read_text(encoding="utf-8") == SEED_TEXT
    fix(draft)
    assert CliRunner().invoke(main, ["--diff", str(draft)]).exit_code == 0


def test_fix_respects_suppressions(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("ignore: [punctuation.half-width]\n", encoding="utf-8")
    fix(draft)
    fixed = draft.read_text(encoding="utf-8")
    assert "《楚雄科技》书刊" in fixed and "(一)加强组织领导,夯实" in fixed


def test_unreadable_file_is_not_touched(tmp_path):
    draft = tmp_path / "draft.txt"
    data = "楚雄".encode() + b"\x80\xff"
    draft.write_bytes(data)
    result = fix(draft)
    assert result.exit_code == 2
    assert draft.read_bytes() == data
