"""Name normalization and variant matching.

`name_key` is the plain comparison key shared by every gazetteer. Person names get more:
`parse_person` turns "Dr. Mustafa Al-Kazemi's" into name tokens (honorifics, titles,
possessives and particles handled: al-/el-/as-..., bin/ibn, Abu X, Abd/Abdel/Abdul X,
van/von/de ...), and each token carries a *skeleton* per transliteration profile
(resources/actors/transliteration.yaml): "Kadhimi", "Kazemi", "Kazimi" and "Kathimi" all
reduce to "kadama" under the Arabic profile, "Qassem" and "Qasem" to "kasam".

`compare_names` decides whether two person names can be the same person:
- "exact": the same tokens (as variants);
- "full": both have a given name and a surname; the first and the last tokens agree and
  the shorter's middle names appear, in order, in the longer ("Mustafa Kadhimi" /
  "Mustafa Abdul Latif al-Kadhimi");
- "surname": one of them is a single word that is the other's surname ("Kazemi");
- None: anything else, in particular two full names with the same surname and different
  given names ("Ali Allawi" / "Hussein Allawi") never match.
Country, role and date guards live with the entities (actors/entity.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

_POSSESSIVE = re.compile(r"['’`]s?$")
_LEADING_THE = re.compile(r"^(the)\s+", re.I)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPLIT = re.compile(r"[\s\-‐‑–—_/]+")
_APOSTROPHES = re.compile(r"['’`ʿʾ‘]")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def name_key(text: str) -> str:
    """A comparison key: ASCII, lower case, no leading "the", no possessive, single spaces."""
    text = unidecode(text).strip()
    text = _LEADING_THE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return _NON_WORD.sub(" ", text.lower()).strip()


def clean_surface(text: str) -> str:
    """The display form of a mention: trimmed, no leading "the", no possessive."""
    text = _LEADING_THE.sub("", text.strip())
    return _POSSESSIVE.sub("", text).strip()


# -- transliteration profiles ---------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    name: str
    rules: tuple[tuple[re.Pattern, str], ...]

    def skeleton(self, key: str, fine: bool = False) -> str:
        """Rewrites, doubled letters collapsed, vowel runs folded: to one "a", or (fine) to a / i / u."""
        text = key
        for pattern, replacement in self.rules:
            text = pattern.sub(replacement, text)
        text = re.sub(r"(.)\1+", r"\1", text)
        if fine:
            text = re.sub(r"[aeiouy]+", lambda m: _fine_vowel(m.group()), text)
        else:
            text = re.sub(r"[aeiouy]+", "a", text)
        return re.sub(r"(.)\1+", r"\1", text)


def _fine_vowel(run: str) -> str:
    """A vowel run in three classes: Adel / Adil, Omar / Umar, Ali / Aly, but Ali / Ala apart."""
    if len(run) > 1:  # diphthongs vary between transliterations: Obaidi / Obeidi, Hussain / Hussein
        return "i" if any(c in "eiy" for c in run) else "u" if any(c in "ou" for c in run) else "a"
    return "u" if run in "ou" else "i" if run in "eiy" else "a"


@dataclass(frozen=True)
class Particles:
    articles: frozenset[str]
    connectors: frozenset[str]
    kunya: frozenset[str]
    abd: frozenset[str]
    family: frozenset[str]


@lru_cache(maxsize=1)
def _transliteration() -> tuple[tuple[Profile, ...], Particles]:
    from dyads.resources import load_yaml

    data = load_yaml("actors", "transliteration.yaml")
    profiles = tuple(
        Profile(name, tuple((re.compile(rule[0]), rule[1]) for rule in spec.get("rewrite", [])))
        for name, spec in (data.get("profiles") or {}).items())
    p = data.get("particles") or {}
    particles = Particles(*(frozenset(str(w).lower().strip("-") for w in p.get(k, []) or [])
                            for k in ("articles", "connectors", "kunya", "abd", "family")))
    return profiles, particles


def profiles() -> tuple[Profile, ...]:
    return _transliteration()[0]


def particles() -> Particles:
    return _transliteration()[1]


@lru_cache(maxsize=200_000)
def skeletons(key: str) -> tuple[str, ...]:
    """The token's skeleton under each profile (the same order as `profiles()`)."""
    return tuple(p.skeleton(key) for p in profiles()) or (key,)


@lru_cache(maxsize=200_000)
def fine_skeletons(key: str) -> tuple[str, ...]:
    return tuple(p.skeleton(key, fine=True) for p in profiles()) or (key,)


SHORT = 3  # skeletons this short ("ala": Ali, Ala'a, Eli) are compared with vowel classes kept


def osa_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (edits and adjacent transpositions), capped at `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


# -- person names ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameToken:
    key: str  # lower-case ASCII letters of the name unit ("abdmahdi", "abumahdi", "kazemi")
    skeletons: tuple[str, ...]

    @property
    def initial(self) -> bool:
        return len(self.key) == 1


@dataclass(frozen=True, slots=True)
class PersonName:
    text: str  # the display form, honorifics and titles removed
    tokens: tuple[NameToken, ...]

    @property
    def surname(self) -> NameToken | None:
        for token in reversed(self.tokens):
            if not token.initial:
                return token
        return None

    @property
    def n_words(self) -> int:
        return sum(1 for t in self.tokens if not t.initial)

    @property
    def is_full(self) -> bool:
        """A given name and a surname."""
        return self.n_words >= 2

    @property
    def key(self) -> str:
        """A canonical skeleton key (first profile), for ids and lookups."""
        return " ".join(t.skeletons[0] for t in self.tokens if not t.initial)

    @property
    def surname_keys(self) -> tuple[str, ...]:
        """Every skeleton of the surname: one per profile."""
        token = self.surname
        return tuple(sorted(set(token.skeletons))) if token else ()

    def initials(self) -> str:
        return "".join(t.key[0] for t in self.tokens)


def _token(key: str) -> NameToken:
    return NameToken(key, skeletons(key))


def split_words(text: str) -> list[str]:
    """Surface words of a name: hyphens split, apostrophes glue ("O'Brien"), dots dropped."""
    text = _POSSESSIVE.sub("", unidecode(text).strip())
    words = []
    for word in _SPLIT.split(text):
        word = _APOSTROPHES.sub("'", word)
        if "'" in word:  # al'Kadhimi / Da'esh / O'Brien: an article before it splits, else glue
            head, _, tail = word.partition("'")
            if head.lower() in particles().articles and tail:
                words.extend([head, tail])
                continue
            word = word.replace("'", "")
        word = word.strip(".,;:()[]\"")
        if word:
            words.append(word)
    return words


def parse_person(text: str, strip: frozenset[str] = frozenset()) -> PersonName:
    """Name tokens of a person's name. `strip`: lower-case words to drop from the front (titles)."""
    words = split_words(text)
    while len(words) > 1 and _norm_word(words[0]) in strip:
        words = words[1:]
    while len(words) > 1 and _norm_word(words[-1]) in _SUFFIXES:
        words = words[:-1]
    p = particles()
    keys = [_NON_WORD.sub("", w.lower()) for w in words]
    keys = [k for k in keys if k]
    tokens: list[NameToken] = []
    i = 0
    while i < len(keys):
        key = keys[i]
        rest = len(keys) - i - 1
        if key in p.articles and rest:
            i += 1
            continue
        if key in p.connectors and rest and (tokens or key != "ben"):
            i += 1
            continue
        if key in p.kunya and rest:
            nxt = _skip_articles(keys, i + 1, p)
            if nxt < len(keys):
                tokens.append(_token("abu" + keys[nxt]))
                i = nxt + 1
                continue
        if key in p.abd and rest:
            nxt = _skip_articles(keys, i + 1, p)
            if nxt < len(keys):
                tokens.append(_token(_abd(keys[nxt])))
                i = nxt + 1
                continue
        if key in p.family and rest:
            glued, j = key, i + 1
            while j < len(keys) - 1 and keys[j] in p.family:
                glued += keys[j]
                j += 1
            tokens.append(_token(glued + keys[j]))
            i = j + 1
            continue
        tokens.append(_token(_abd_prefix(key)))
        i += 1
    display = " ".join(words)
    return PersonName(display, tuple(tokens))


def _norm_word(word: str) -> str:
    return word.lower().strip(".")


def _skip_articles(keys: list[str], i: int, p: Particles) -> int:
    while i < len(keys) - 1 and keys[i] in p.articles:
        i += 1
    return i


def _abd(name: str) -> str:
    """Abd + a divine name: "abd" + "mahdi" -> "abdmahdi"; Abd Allah -> "abdallah"."""
    return "abd" + name


_ABD_PREFIX = re.compile(r"^abd(?:ul|el|al|ol|oul|il|u|e|a|o)?(?=[a-z]{4,}$)")


def _abd_prefix(key: str) -> str:
    """Unsplit forms: Abdulmahdi / Abdelmahdi -> "abdmahdi"; Abdullah stays one word."""
    match = _ABD_PREFIX.match(key)
    if match and not key.endswith(("llah", "lla")):
        return "abd" + key[match.end():]
    if key.startswith("abd") and key.endswith(("llah", "lla", "lah")):
        return "abdallah"
    return key


# -- comparison -----------------------------------------------------------------------------


def same_token(a: NameToken, b: NameToken, strict: bool = False) -> bool:
    """Spelling variants: the same skeleton under a profile. `strict` (and short names): vowel classes too."""
    if a.key == b.key:
        return True
    if a.initial or b.initial:
        return a.key[0] == b.key[0]
    for x, y in zip(a.skeletons, b.skeletons):
        if x == y:
            if len(x) > SHORT and not strict:
                return True
            return any(f == g for f, g in zip(fine_skeletons(a.key), fine_skeletons(b.key)))
    return False


def close_token(a: NameToken, b: NameToken) -> bool:
    """A spelling variant or one slip away (long names only): Granfield / Greenfield."""
    if same_token(a, b):
        return True
    if a.initial or b.initial or a.key[0] != b.key[0]:
        return False
    return any(len(x) >= 7 and len(y) >= 7 and osa_distance(x, y, 1) <= 1
               for x, y in zip(a.skeletons, b.skeletons))


def _subsequence(short: tuple[NameToken, ...], long: tuple[NameToken, ...]) -> bool:
    it = iter(long)
    return all(any(same_token(s, t) for t in it) for s in short)


def compare_names(a: PersonName, b: PersonName, strict: bool = False) -> str | None:
    """"exact", "full", "surname" or None (see the module docstring).

    `strict`: a bare surname must also keep its vowel classes (Kazemi / Kadhimi, not Coles / Kallas);
    used where a surname alone is matched against names from elsewhere (dictionary, corpus)."""
    ta = tuple(t for t in a.tokens)
    tb = tuple(t for t in b.tokens)
    if not ta or not tb or a.surname is None or b.surname is None:
        return None
    if len(ta) == len(tb) and a.n_words == b.n_words and \
            all(same_token(x, y, strict=strict or a.n_words == 1) for x, y in zip(ta, tb)):
        if all(not x.initial and not y.initial for x, y in zip(ta, tb)) or a.n_words >= 2:
            return "exact"
    if a.n_words == 1 or b.n_words == 1:
        single, other = (a, b) if a.n_words == 1 else (b, a)
        if single.n_words == 1 and other.n_words == 1:  # two bare words: vowel classes too (Hassan / Hussein)
            return "exact" if same_token(single.surname, other.surname, strict=True) else None
        if len(single.tokens) > 1:  # "J. Biden": the initial must fit the other's first name
            first = single.tokens[0]
            if not same_token(first, other.tokens[0]):
                return None
        return "surname" if same_token(single.surname, other.surname, strict=strict) else None
    if not close_token(ta[-1], tb[-1]) or not same_token(ta[0], tb[0]):
        return None
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    mid_s, mid_l = short[1:-1], long[1:-1]
    if not _subsequence(mid_s, mid_l):
        return None
    if mid_s and len(mid_s) != len(mid_l) and any(t.initial for t in mid_s + mid_l):
        return None  # George W. Bush / George H. W. Bush
    exact = len(ta) == len(tb) and all(close_token(x, y) for x, y in zip(ta, tb))
    return "exact" if exact else "full"


def handle_matches(handle: str, name: PersonName) -> bool:
    """A social-media handle written from the name: @JoeBiden, @MAKadhimi, @kadhimi_m."""
    words = [w for w in re.split(r"[_\d]+|(?<=[a-z])(?=[A-Z])", handle.lstrip("@")) if w]
    if not words or name.surname is None:
        return False
    surname = name.surname
    for i, word in enumerate(words):
        tail = _NON_WORD.sub("", word.lower())
        if len(tail) < 4:
            continue
        # the part before the surname: initials or given names of the name, in order
        head = "".join(words[:i]).lower()
        for cut in range(0, max(1, len(tail) - 3)):
            rest, prefix = tail[cut:], head + tail[:cut]
            if not same_token(_token(rest), surname):
                continue
            if not prefix:
                return len(words) == i + 1
            given = [t for t in name.tokens if t is not surname]
            initials = "".join(t.key[0] for t in given)
            firsts = "".join(t.key for t in given)
            if prefix in (initials, firsts) or (given and prefix == given[0].key) or \
                    (initials and prefix[0] == initials[0] and len(prefix) <= len(initials) + 1):
                return True
    return False
