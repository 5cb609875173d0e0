"""What the heading checks share: writing a marker of one style with another number."""

from __future__ import annotations

from ...text.numerals import chinese_ordinal


def marker_text(style: str, ordinal: int) -> str:
    """A marker of ``style`` (as Marker.style) with another ordinal."""
    if "一" in style:
        return style.replace("一", chinese_ordinal(ordinal))
    return style.replace("1", str(ordinal))
