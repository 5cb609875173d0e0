"""--fix on Word documents: the safe fixes as tracked changes by reportlint,
formatting kept, nothing else changed; accepting them (tests/word_helpers.py)
gives what --fix makes of the same text in a .txt file."""

import io

import docx
from builders import TITLE, docx_bytes, formatted_word_draft, saved, word_list
from click.testing import CliRunner
from conftest import SEED
from word_helpers import accept_all, comments, formatted_characters, reject_all, revisions

from reportlint.cli import main
from reportlint.readers import read_source


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_accepting_the_tracked_changes_gives_what_fix_makes_of_the_text(tmp_path):
    draft = tmp_path / "seed.docx"
    draft.write_bytes(docx_bytes(SEED.read_text(encoding="utf-8").split("\n")))
    twin = tmp_path / "seed.txt"
    twin.write_text(read_source(draft).text, encoding="utf-8")
    original = draft.read_bytes()
    assert "均以修订方式写入，请在 Word 或 WPS 中审阅并接受修订" in run("--fix", draft).stderr
    run("--fix", twin)
    fixed = draft.read_bytes()
    accepted = tmp_path / "accepted.docx"
    accepted.write_bytes(accept_all(fixed))
    assert read_source(accepted).text == twin.read_text(encoding="utf-8")
    assert read_source(draft).text == read_source(accepted).text  # the reader reads the changes as accepted
    rejected = tmp_path / "rejected.docx"
    rejected.write_bytes(reject_all(fixed))
    assert read_source(rejected).text == docx_text(original)
    changes = revisions(fixed)
    assert len(changes) > 100 and {author for _, author, _ in changes} == {"reportlint"}
    assert ("del", "reportlint", "«楚雄科技»") in changes and ("ins", "reportlint", "《楚雄科技》") in changes


def docx_text(data: bytes) -> str:
    """The text of a document's body as python-docx reads it, a line per paragraph with text."""
    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs if paragraph.text.strip())


def test_formatting_comments_and_other_changes_are_kept(tmp_path):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(formatted_word_draft())
    original = draft.read_bytes()
    assert run("--fix", draft).exit_code == 1
    fixed = draft.read_bytes()
    # Rejecting reportlint's changes gives back every character with its
    # formatting, and the editor's own changes; the comments never changed.
    rejected = reject_all(fixed, author="reportlint")
    assert formatted_characters(rejected) == formatted_characters(original)
    assert revisions(rejected) == revisions(original)
    assert comments(fixed) == comments(original)
    ours = [change for change in revisions(fixed) if change[1] == "reportlint"]
    assert sorted(ours) == sorted([("del", "reportlint", ",")] * 3 + [("ins", "reportlint", "，")] * 3)
    # A replacement takes the formatting of what it replaces: the comma in the
    # italic red run, in the editor's insertion, in the footnote.
    accepted = formatted_characters(accept_all(fixed))
    before = formatted_characters(accept_all(original))
    assert accepted == [("，" if char == "," else char, shown) for char, shown in before]
    assert b"<w:i></w:i>" in next(shown for char, shown in accepted if char == "，")
    footnote_text = read_source(draft).text.split("\n")[-1]
    assert footnote_text == "数据截至12月31日，详见附表。"


def test_diff_shows_the_changes_and_writes_nothing(tmp_path):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes([TITLE, "一、概述", "本年度主动公开政府信息183条,详见«楚雄科技»。"]))
    original = draft.read_bytes()
    result = run("--diff", draft)
    assert result.exit_code == 1
    assert "-本年度主动公开政府信息183条,详见«楚雄科技»。" in result.stdout
    assert "+本年度主动公开政府信息183条，详见《楚雄科技》。" in result.stdout
    assert draft.read_bytes() == original


def test_a_word_list_number_is_left_to_the_editor(tmp_path):
    """"1、" drawn by Word's list numbering is no text a tracked change can
    replace: the finding stays, the rest is fixed."""
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("一、概述", style="Heading 1")
    item = document.add_paragraph("公开了文件,共3件。")
    word_list(document, item, "decimal", "%1、", list_id=80)
    path = tmp_path / "draft.docx"
    path.write_bytes(saved(document))
    assert read_source(path).text.split("\n")[-1] == "1、公开了文件,共3件。"
    result = run("--fix", path)
    assert read_source(path).text.split("\n")[-1] == "1、公开了文件，共3件。"
    assert "punctuation.ordinal-marker" in result.stdout
    assert [change[2] for change in revisions(path.read_bytes())] == [",", "，"]
