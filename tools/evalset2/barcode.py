"""Separator sheets with a barcode: Code 39 drawn as bars (page items
("bar", x0, y0, x1, y1), filled black), for motionscan's barcode cue
(rules/stack.rules, field stack_barcode).

Code 39: each character is 9 elements, bar and space in turn starting with a
bar, 3 of them wide; characters are parted by one narrow space and the value
is framed by the start/stop character "*".  Standard library only."""

from . import layout
from .layout import H, W

# n = narrow, w = wide; bar, space, bar, space, bar, space, bar, space, bar
CODE39 = {
    "0": "nnnwwnwnn", "1": "wnnwnnnnw", "2": "nnwwnnnnw", "3": "wnwwnnnnn", "4": "nnnwwnnnw",
    "5": "wnnwwnnnn", "6": "nnwwwnnnn", "7": "nnnwnnwnw", "8": "wnnwnnwnn", "9": "nnwwnnwnn",
    "A": "wnnnnwnnw", "B": "nnwnnwnnw", "C": "wnwnnwnnn", "D": "nnnnwwnnw", "E": "wnnnwwnnn",
    "F": "nnwnwwnnn", "G": "nnnnnwwnw", "H": "wnnnnwwnn", "I": "nnwnnwwnn", "J": "nnnnwwwnn",
    "K": "wnnnnnnww", "L": "nnwnnnnww", "M": "wnwnnnnwn", "N": "nnnnwnnww", "O": "wnnnwnnwn",
    "P": "nnwnwnnwn", "Q": "nnnnnnwww", "R": "wnnnnnwwn", "S": "nnwnnnwwn", "T": "nnnnwnwwn",
    "U": "wwnnnnnnw", "V": "nwwnnnnnw", "W": "wwwnnnnnn", "X": "nwnnwnnnw", "Y": "wwnnwnnnn",
    "Z": "nwwnwnnnn", "-": "nwnnnnwnw", ".": "wwnnnnwnn", " ": "nwwnnnwnn", "*": "nwnnwnwnn",
}

# The values a separator sheet carries (rules/stack.rules matches them all).
SEPARATOR_VALUES = ["PATCHT", "PATCH T", "PATCH-T"]


def code39_bars(value, x, y, narrow, ratio, height):
    """The bars of `value` as page items, from (x, y) in points; returns (items, width)."""
    items, cx = [], x
    for k, ch in enumerate("*" + value + "*"):
        if k:
            cx += narrow  # the gap between characters
        for e, wn in enumerate(CODE39[ch]):
            wd = narrow * (ratio if wn == "w" else 1)
            if e % 2 == 0:
                items.append(("bar", cx, y, cx + wd, y + height))
            cx += wd
    return items, cx - x


def separator_sheet(rng):
    """A separator sheet with nothing on it but a Code 39 PATCH T barcode (no
    readable text: only the barcode can tell it)."""
    pg = layout.Page()
    value = rng.choice(SEPARATOR_VALUES)
    narrow, ratio = rng.uniform(1.6, 2.4), rng.choice([2.5, 3.0])
    _, width = code39_bars(value, 0, 0, narrow, ratio, 1)
    x = (W - width) / 2 + rng.uniform(-40, 40)
    y = H / 2 - 50 + rng.uniform(-120, 120)
    pg.items.extend(code39_bars(value, x, y, narrow, ratio, rng.uniform(60, 90))[0])
    return pg, value
