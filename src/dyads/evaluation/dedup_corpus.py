"""A duplicate-detection test corpus built from distinct stories, with a fixed random seed.

Some stories get copies: re-wrapped in page furniture (byline, read time, share links, a
comment form, a list of other headlines, a photo caption), truncated, lightly edited,
updated (a new lead sentence, the last paragraph dropped), or re-spaced (an exact duplicate
after normalization). The rest appear once. Every item knows
its group (the story it copies) and where the furniture added to it lies, so the same corpus
also measures junk removal on text the rules were not written on.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from dyads.records import Span

MIN_WORDS = 60  # news-length stories; very short texts are not what near-duplicate search is for

HEADER_BYLINES = ("By {name}", "{name}", "Written by {name}", "By {name} and {name2}")
READ_TIMES = ("{n} min read", "{n} minutes reading", "Reading time: {n} minutes", "{name} {n} min read")
SHARE_LINES = ("Share", "Share this article", "Print", "Share on Facebook", "Share on Twitter", "Tweet",
               "Email this story", "Print the article", "Share | Print | Email", "Copy link")
COMMENT_FORMS = (
    ("Leave a Reply", "Fill in your details below or click an icon to log in:",
     "You are commenting using your WordPress.com account. Log Out /  Change )", "Cancel", "Connecting to %s"),
    ("Leave a comment", "Your email address will not be published. Required fields are marked *",
     "Save my name, email, and website in this browser for the next time I comment.", "Post Comment"),
    ("12 comments", "Add a comment", "Log in to reply"),
)
PROMOS = ("Advertisement", "Subscribe now", "Sign up for our newsletter", "Follow us on Twitter", "Read more:",
          "Related articles", "Most read", "Trending now", "You may also like")
NAMES = ("Sarah Lee", "Ahmed Hassan", "Maria Gonzalez", "John Carter", "Li Wei", "Fatima Noor", "Pierre Martin")
CREDITS = ("Reuters", "AFP", "AP Photo", "Getty Images", "Al-Jazeera", "Anadolu", "EPA")
DATES = ("March 3, 2021", "July 9, 2021 00:17 am", "2021-05-14", "12 June 2020")


@dataclass
class Item:
    """One document of the test corpus."""

    text: str
    group: int  # items of one group are copies of one story
    variant: str  # original, wrapped, truncated, edited, wrapped+truncated, wrapped+edited, respaced
    junk: list[Span] = field(default_factory=list)  # furniture this corpus added


def build_corpus(stories: list[dict], n_groups: int = 250, n_single: int = 250, seed: int = 13) -> list[Item]:
    """Shuffled items: `n_groups` stories with 1-3 copies each, `n_single` stories alone."""
    rng = random.Random(seed)
    pool = [s for s in stories if len(s["text"].split()) >= MIN_WORDS]
    rng.shuffle(pool)
    headlines = [s.get("headline") or s.get("title") or "" for s in stories]
    items: list[Item] = []
    for group, story in enumerate(pool[:n_groups + n_single]):
        items.append(Item(story["text"], group, "original"))
        if group >= n_groups:
            continue
        for variant in rng.sample(VARIANTS, rng.randint(1, 3)):
            items.append(make_variant(variant, story, headlines, rng, group))
    rng.shuffle(items)
    return items


def make_variant(variant: str, story: dict, headlines: list[str], rng: random.Random, group: int) -> Item:
    text = story["text"]
    if "truncated" in variant:
        text = truncate(text, rng)
    if "edited" in variant:
        text = light_edit(text, rng)
    if variant == "updated":
        text = update(text, story, rng)
    if variant == "respaced":
        text = re.sub(r" ", lambda m: "  " if rng.random() < 0.05 else " ", text) + "\n"
    junk: list[Span] = []
    if "wrapped" in variant:
        text, junk = wrap(text, story, headlines, rng)
    return Item(text, group, variant, junk)


VARIANTS = ("wrapped", "truncated", "edited", "updated", "wrapped+truncated", "wrapped+edited", "respaced")
UPDATE_LEADS = ("UPDATE: More details have emerged about the events reported earlier on {day}.",
                "This story has been updated with new information from officials on {day}.",
                "(Updated {day}) Officials gave further details on Tuesday.")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def update(text: str, story: dict, rng: random.Random) -> str:
    """A wire update: a new first sentence, and the last paragraph (or sentence) dropped."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) > 2:
        paragraphs = paragraphs[:-1]
    else:
        paragraphs[-1] = paragraphs[-1].rsplit(". ", 1)[0] + "."
    return rng.choice(UPDATE_LEADS).format(day=rng.choice(DAYS)) + "\n\n" + "\n\n".join(paragraphs)


def truncate(text: str, rng: random.Random) -> str:
    """The first 70-90% of the words, cut at a word boundary."""
    words = text.split(" ")
    keep = max(1, int(len(words) * rng.uniform(0.7, 0.9)))
    return " ".join(words[:keep])


def light_edit(text: str, rng: random.Random) -> str:
    """About one word in twenty dropped, replaced or doubled; numbers changed."""
    words = text.split(" ")
    out = []
    for word in words:
        roll = rng.random()
        if roll < 0.02:
            continue
        if roll < 0.04:
            out.append(rng.choice(("the", "also", "reportedly", "on", "said", "officials")))
        elif roll < 0.05:
            out.extend([word, word])
        elif any(c.isdigit() for c in word) and rng.random() < 0.5:
            out.append(re.sub(r"\d", lambda m: str(rng.randint(0, 9)), word))
        else:
            out.append(word)
    return " ".join(out)


def wrap(text: str, story: dict, headlines: list[str], rng: random.Random) -> tuple[str, list[Span]]:
    """Page furniture above, inside and below the story; returns the text and the furniture spans."""
    parts: list[tuple[str, bool]] = []  # (line, is_junk)
    name, name2 = rng.sample(NAMES, 2)
    parts.append((story.get("headline") or story.get("title") or "News", False))
    if rng.random() < 0.7:
        parts.append((rng.choice(DATES), False))
    if rng.random() < 0.7:
        parts.append((rng.choice(HEADER_BYLINES).format(name=name, name2=name2), True))
    if rng.random() < 0.5:
        parts.append((rng.choice(READ_TIMES).format(n=rng.randint(2, 9), name=name), True))
    paragraphs = [p for p in text.split("\n") if p.strip()]
    caption_at = rng.randrange(1, len(paragraphs) + 1) if rng.random() < 0.5 else -1
    for i, paragraph in enumerate(paragraphs):
        if i == caption_at:
            caption = f"{rng.choice(headlines[:500]).rstrip('.')} ({rng.choice(CREDITS)})"
            parts.append((caption, True))
        parts.append((paragraph, False))
    footer = []
    if rng.random() < 0.6:
        footer += [(line, True) for line in rng.sample(SHARE_LINES, rng.randint(1, 3))]
    if rng.random() < 0.3:
        footer.append((f"{name.split()[0].lower()}.{name.split()[1].lower()}@example.com", True))
    if rng.random() < 0.4:
        footer.append((rng.choice(PROMOS), True))
        footer += [(f"{h} -", True) for h in rng.sample(headlines, rng.randint(3, 8))]
    if rng.random() < 0.5:
        footer += [(line, True) for line in rng.choice(COMMENT_FORMS)]
    return _join(parts + footer, "\n\n" if rng.random() < 0.5 else "\n")


def _join(parts: list[tuple[str, bool]], sep: str) -> tuple[str, list[Span]]:
    text, junk = "", []
    for line, is_junk in parts:
        if text:
            text += sep
        if is_junk:
            junk.append(Span(len(text), len(text) + len(line), "added"))
        text += line
    return text, junk
