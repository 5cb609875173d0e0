"""numbers.subset_exceeds_total: one 其中 figure is larger than the total it belongs to ("其中78条
大于所属总数44篇"); such a breakdown is not reported again by numbers.parts_exceed_total."""

from __future__ import annotations

from collections.abc import Iterator

from ...breakdowns import Breakdown
from ...diagnostic import Finding
from ._breakdowns import BreakdownCheck, larger


class SubsetExceedsTotal(BreakdownCheck):
    name = "numbers.subset_exceeds_total"
    message_args = frozenset({"part", "total"})

    def check_breakdown(self, breakdown: Breakdown) -> Iterator[Finding]:
        if breakdown.cue not in ("其中", "括注"):
            return
        for part in breakdown.parts:
            if larger(part, breakdown.total):
                yield Finding(part.span, {"part": part.text, "total": breakdown.total.text})
