"""The defect classes of issue 15 that a careful editor marks, in a draft as it
is written, as a web page flattens it and as a PDF extraction breaks its lines:
each form gets exactly the same findings; a draft full of near misses gets none."""

import pytest
from conftest import FIXTURES

from reportlint import lint_file

# (rule, the text its finding points at), one defect of each class in the draft.
DEFECTS = sorted([
    ("wording.citation", "国务院第711号令"),
    ("punctuation.book-title-marks", "<中华人民共和国政府信息公开工作年度报告格式>"),
    ("wording.short-title", "《条例》"),
    ("punctuation.bracket-width", "（电话：0871-65123456)"),
    ("numbers.abbreviated-year", "22年，"),
    ("wording.openness-principle", "公开为常态，不公开为例外"),
    ("wording.adverbial-de", "积极的推进"),
    ("wording.fixed-phrase", "进一部"),
    ("wording.fixed-phrase", "图标图解"),
    ("wording.confusable-words", "登陆网站"),
    ("wording.markup-residue", "&nbsp;"),
    ("punctuation.comma-in-list", "知情权，参与权、表达权"),
    ("wording.doubled-phrase", "“放管服”改革“放管服”改革"),
    ("punctuation.enumeration-comma-clause", "、一是"),
    # Its parts three and four say what the tables would show, and have none.
    ("structure.required-tables", "云岭县科学技术局2022年政府信息公开工作年度报告"),
    ("structure.required-tables", "云岭县科学技术局2022年政府信息公开工作年度报告"),
])


def found(name):
    path = FIXTURES / name
    lines = path.read_text(encoding="utf-8").split("\n")
    return sorted((d.rule, lines[d.line - 1][d.column - 1:d.end_column - 1])
                  for d in lint_file(path) if d.severity.value != "info")


@pytest.mark.parametrize("form", ["editor-classes-2022.txt", "editor-classes-flattened-2022.txt",
                                  "editor-classes-pdf-2022.txt"])
def test_each_class_is_found_in_every_form_of_the_draft(form):
    assert found(form) == DEFECTS


def test_the_near_misses_of_each_class_get_nothing():
    # 以公开为常态、不公开为例外, 〈…〉 inside 《…》, <http://…>, 以下简称《条例》 before 《条例》,
    # 国务院令第711号, 积极地推进 / 积极的作用, 进一步 / 推进一些 / 常态下 / 层层抓落实, 登录网站 / 张贴公告,
    # 知情权、参与权、表达权和监督权, 近10年来, 王某某.
    assert lint_file(FIXTURES / "editor-classes-clean-2022.txt") == []
