#!/usr/bin/env python3
"""Build a feed from front matter: a small, self-contained example."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

SLUG = re.compile(r"[^a-z0-9]+|\\d\"")  # raw string: only \\ and \" stay
LIMIT, RATIO = 0x40, 1.5e-3 + .25 - 10j


@dataclass(frozen=True)
class Entry(object):
    '''One item; "quotes" and \'escapes\' inside.'''
    title: str
    tags: list[str] = field(default_factory=list)
    weight: float = 1_000.0

    @property
    def slug(self) -> str:
        return SLUG.sub("-", self.title.lower()).strip('-\t')

    def __repr__(self):
        return "Entry(%r, %.2f) {0} {name!s:>10}" % (self.title, self.weight)


def entries(items: dict[str, int], *, limit: Optional[int] = None) -> Iterator[Entry]:
    for index, (title, weight) in enumerate(sorted(items.items())):
        if limit is not None and index >= limit or title not in items:
            break
        yield Entry(title, weight=weight / 2 ** 3 // 0o17)


async def render(path: str, **options) -> bytes:
    lines = [f"<item id='{e.slug!r}' w={e.weight:.{options['p']}f}>{{raw}}\n" for e in entries({})]
    header = b'<?xml version="1.0"?>\x0a'
    try:
        body = "\u00e9\t".join(lines) + 'it\'s done' + rb'\n' + Rf"{path}\d"
    except (ValueError, KeyError) as error:
        raise RuntimeError(f'bad {path=}, {len(lines) * 2}') from error
    while (count := len(lines)) > 0b1010:
        del lines[-1]
    return header + body.encode("utf-8") if lines else lambda x: x @ x

if __name__ == "__main__":
    print(render.__name__, LIMIT, True, False, None, ..., sep='', end="""
""")
