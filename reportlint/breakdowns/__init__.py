"""Breakdowns: a total and the figures that break it down, found once per document.

Built on the number layer (reportlint.numbers) and shared by every check that
compares a total with its parts ("共X…，其中A…、B…" adding up, a 其中 figure
within its total, "占X%" against the total it refers to). The ways reports
write a breakdown, each a ``cue`` (found by reportlint.breakdowns.finder):

- ``其中``: "刊发报道44篇，其中上报信息78条"; when 其中 opens a sentence, the total
  is a figure of the sentence before ("…1913条。其中，…1397条，占73%。"), or of an
  earlier sentence of the paragraph on the same subject, and parts that carry
  "占X%" run on into the next sentences ("各乡镇…534条，占27%。");
- ``分别``: "共收到申请10件，自然人和法人分别为7件、3件";
- ``包括``: "共公开信息120条，包括政策文件30条、工作动态90条";
- ``在…中``: "在…主动公开的1913条政府信息中，机构职能类133条，占6.95%；…";
- ``类别``: "…主动公开政府信息的主要类别有：机构职能类信息594条，…", the total being
  the latest figure before it in the same part of the report on the same subject;
- ``括注``: a figure broken down in brackets right after it: "407条(工作动态287条，…)";
- ``接续``: a 共 total ending its sentence, broken down by the next sentence on the
  same subject ("共接到…咨询931余件。直接…现场咨询500余人(次)，通过电话咨询…1200多次");
- ``占比``: parts each with "占X%" after a total stated earlier in the paragraph
  ("答复申请805件…。予以公开258件，占33.9%；不予公开35件，占4.34%…"). The total is
  a guess here, so it is kept only when a stated share fits it;
- ``列举``: parts that end with an item labelled 其他 in the sentence after a total
  ("全年主动公开信息1500条。政策文件320条，工作动态860条，其他信息280条。");
- ``合计``: parts each with a share and no stated total, the shares adding up to
  100%: their base is the parts' sum ("部门公开412条，占68.2%；乡镇公开192条，占31.8%").

Which figure is the total: among the figures before the cue, those that are no
item of a 、 list ("涉及户籍2件、证明1件、档案5件") and no difference from another
year ("较上年增加5件"), and that count the same kind of thing as the parts; the one
the parts add up to exactly, else the one all their shares fit (5件占62.5% is 5 of
8), else a stated 共/共计/总数, else the nearest. Parts count the same kind of
thing as the total (`comparable`: 条 and 篇 both count written items, 件 and 人次
both count cases, but 个 never adds up with 条, 场 never with 人次, a duration
never with anything), and only the total's own measure word where some part has
it. A part stops at a new total ("；共办理718件"), a new statement ("办结…"), and
a ； that moves to another subject ("；行政复议1件"); a 共 figure that restates the
total is no part.
"""

from __future__ import annotations

from ..document import Document
from ..numbers import Numbers
from .finder import Finder
from .model import Breakdown, comparable, counted, share_bounds, share_fits

__all__ = ["Breakdown", "comparable", "counted", "find_breakdowns", "share_bounds", "share_fits"]


def find_breakdowns(document: Document, numbers: Numbers) -> tuple[Breakdown, ...]:
    return tuple(Finder(document, numbers).find())
