"""Read the value of a written number: "2,700", "5200", "$73m", "2.5 billion", "two and a half billion"."""

from __future__ import annotations

import re

SMALL = {"zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
         "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
         "dozens": 24, "hundreds": 200, "thousands": 2000}
SCALES = {"hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
          "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "trillion": 1_000_000_000_000,
          "tn": 1_000_000_000_000}
QUALIFIERS = re.compile(r"^(?:more than|less than|fewer than|over|under|about|around|nearly|almost|some|at least|"
                        r"at most|up to|approximately|roughly|as many as|as few as|another|only|just|the)\s+", re.I)
DIGITS = re.compile(r"^[$€£]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k|m|mn|bn|b|tn)?\b", re.I)


def qualifier_of(text: str) -> tuple[str | None, str]:
    """("more than", "500") for "more than 500": the qualifier and the rest."""
    match = QUALIFIERS.match(text.strip())
    if match is None:
        return None, text.strip()
    return match.group(0).strip().lower(), text.strip()[match.end():]


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None when it holds no number."""
    _, rest = qualifier_of(text)
    rest = rest.strip()
    while True:  # qualifiers can stack: "more than about 500"
        _, stripped = qualifier_of(rest)
        if stripped == rest:
            break
        rest = stripped
    match = DIGITS.match(rest)
    if match:
        value = float(match.group(1).replace(",", "") + ("." + match.group(2) if match.group(2) else ""))
        if match.group(3):
            return value * SCALES[match.group(3).lower()]
        return _scaled(value, rest[match.end():].split())
    return _words(rest.lower().replace("-", " ").split())


def _scaled(value: float, following: list[str]) -> float:
    for word in following[:2]:
        scale = SCALES.get(word.lower().strip(".,"))
        if scale and scale >= 1000:
            value *= scale
        elif word.lower() not in ("and", "a", "half"):
            break
    return value


def _words(words: list[str]) -> float | None:
    """Spelled-out numbers: "two and a half billion", "three hundred thousand", "dozens"."""
    total, current, seen = 0.0, 0.0, False
    i = 0
    while i < len(words):
        word = words[i].strip(".,")
        if word in SMALL and not (word in ("a", "an") and seen):
            current += SMALL[word]
            seen = True
        elif word == "and" and words[i + 1:i + 3] == ["a", "half"]:
            current += 0.5
            i += 2
        elif word in SCALES and seen and len(word) > 2:
            scale = SCALES[word]
            if scale == 100:
                current *= scale
            else:
                total += current * scale
                current = 0.0
        elif word == "and" and seen:
            pass
        elif seen:
            break
        i += 1
    return total + current if seen else None
