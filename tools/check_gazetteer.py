#!/usr/bin/env python3
"""Check the country gazetteer, rules/countries.tsv.

Usage: tools/check_gazetteer.py [PATH]   (default: ../rules/countries.tsv next to this script)

Checks, for every data line: four TAB-separated columns; an upper-case two-letter code
that is an ISO 3166-1 alpha-2 code (or the user-assigned XK), present once; every
string (name, alias, demonym) non-empty, NFC, made of letters, spaces, hyphens, periods
and straight apostrophes only (so no regular-expression syntax other than '.'), starting
with an upper-case letter and not with a word usually written in lower case ("The",
"Mainland", ...), not repeated in its own line.  Across lines: no string
belongs to two codes, compared the way extractors/gazetteer.c compares them (case,
white space, spaces around hyphens ignored) and also with accents stripped (NFKD).  No
curly quotes anywhere in the file.  Strings known to be traps are absent, and the trap
strings the pipeline depends on resolve to the right code.

Prints "249 countries, ...: ok" and exits 0, or prints each problem as
"PATH:LINE: message" (LINE 0 for problems of the whole file) and exits 1.
"""

import os
import re
import sys
import unicodedata

ISO_3166_1_ALPHA2 = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI
    BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN
    CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK
    FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
    HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
    ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP
    NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
    TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
""".split()
USER_ASSIGNED = {"XK": "Kosovo"}

# Each string must be listed and give this code (compared like the loader: no case).
TRAPS = {
    "Swaziland": "SZ", "Eswatini": "SZ", "Kingdom of Eswatini": "SZ",
    "Burma": "MM", "Myanmar": "MM",
    "Ivory Coast": "CI", "Côte d'Ivoire": "CI", "Cote d'Ivoire": "CI",
    "Czech Republic": "CZ", "Czechia": "CZ",
    "Turkey": "TR", "Türkiye": "TR", "Turkiye": "TR",
    "Cape Verde": "CV", "Cabo Verde": "CV",
    "East Timor": "TL", "Timor-Leste": "TL",
    "Mexico": "MX", "México": "MX", "United Mexican States": "MX",
    "Estados Unidos Mexicanos": "MX", "Mexican": "MX",
    "Panama": "PA", "Panamá": "PA", "Peru": "PE", "Perú": "PE",
    "Haiti": "HT", "Haití": "HT",
    "Belize": "BZ", "Belice": "BZ", "British Honduras": "BZ",
    "Honduras": "HN", "Honduran": "HN", "Republic of Honduras": "HN",
    "República de Honduras": "HN",
    "El Salvador": "SV", "Salvadoran": "SV",
    "Guatemala": "GT", "Republic of Guatemala": "GT", "Guatemalan": "GT",
    "Venezuela": "VE", "Bolivarian Republic of Venezuela": "VE", "Venezuelan": "VE",
    "Cuban": "CU",
    "Democratic Republic of the Congo": "CD", "DRC": "CD", "Congolese": "CD",
    "Republic of the Congo": "CG", "Congo": "CG",
    "South Sudan": "SS", "Sudan": "SD", "Sudanese": "SD",
    "Niger": "NE", "Nigerien": "NE", "Nigeria": "NG", "Nigerian": "NG",
    "Guinea": "GN", "Guinean": "GN", "Equatorial Guinea": "GQ",
    "Guinea-Bissau": "GW", "Papua New Guinea": "PG",
    "Dominica": "DM", "Dominican Republic": "DO", "Dominican": "DO",
    "Korean": "KR", "Chinese": "CN",
    "Uganda": "UG", "Ecuador": "EC", "Paraguay": "PY",
    "Rwanda": "RW", "Ghana": "GH", "Cameroon": "CM", "Uzbekistan": "UZ",
    "Antigua and Barbuda": "AG", "Saint Kitts and Nevis": "KN",
    "St. Kitts and Nevis": "KN", "Palau": "PW", "Costa Rica": "CR",
    "Georgia": "GE", "Jamaica": "JM", "Lebanon": "LB",
    "Federal Democratic Republic of Ethiopia": "ET", "Republic of Guinea": "GN",
    "United States of America": "US", "Kosovo": "XK",
    # unhyphenated spellings, or the shorter name inside them would win
    "Guinea Bissau": "GW", "Timor Leste": "TL", "Congo Kinshasa": "CD",
    "Congo Brazzaville": "CG",
    "Korea": "KR", "Republic of China": "TW", "People's Republic of China": "CN",
}

# Strings that must not be a name, alias or demonym of any country.
FORBIDDEN = {
    "Columbia": "not a country (a US place name); the country is Colombia",
    "America": "names the continents",
    "American": "occurs in Central/Latin/South American",
    "US": "too short and ambiguous", "U.S.": "occurs in every citation",
    "New Mexico": "a US state", "New Jersey": "a US state",
    "South Georgia": "also the south of the US state of Georgia",
    "Spanish": "in filings, almost always the language",
    "English": "in filings, almost always the language",
    "Reunion": "an ordinary English word",
    "Antigua": "also La Antigua Guatemala", "Trinidad": "a given name and a Cuban city",
    "Salvador": "a given name", "Granada": "a city of Spain and Nicaragua",
    "Guadalupe": "a given name and a place name", "Mauricio": "a given name",
    "Francia": "a given name", "Irlanda": "a given name",
    "Santa Lucía": "towns in Central America", "Santa Lucia": "towns in Central America",
    "San Martín": "a place and personal name", "San Martin": "a place and personal name",
    "San Vicente": "a department of El Salvador", "Santa Elena": "towns in Central America",
    "Grecia": "a city of Costa Rica", "Nueva Guinea": "a town in Nicaragua",
    "CAR": "an ordinary word in upper-case text",
}

# A string must not start with a word that running text usually writes in lower case:
# the mention would start in lower case, be dropped whole, and the country name inside
# it would be lost ("the Gambia", "mainland China", "the former Yugoslav Republic of").
LOWERCASE_FIRST_WORDS = {"The", "A", "An", "La", "Le", "Les",
                         "Mainland", "Occupied", "Former", "Territory", "Collectivity",
                         "Province", "Region", "Island", "Islands"}

CURLY = "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u00b4\u0060"
REGEX_META = set("\\^$*+?()[]{}|")
ALLOWED_PUNCT = set(" -.'")


def loader_key(s):
    """The key extractors/gazetteer.c uses: lower case, one space for white space,
    no space around hyphens."""
    k = re.sub(r"\s+", " ", s.strip()).casefold()
    return re.sub(r" ?- ?", "-", k)


def folded_key(s):
    """loader_key with accents stripped (NFKD, combining marks removed)."""
    d = unicodedata.normalize("NFKD", loader_key(s))
    return "".join(c for c in d if not unicodedata.combining(c))


def string_problems(s):
    """Problems of one name, alias or demonym, as messages."""
    out = []
    if s == "":
        return ["empty string (stray '|' or empty name)"]
    if s != s.strip():
        out.append(f"'{s}': leading or trailing white space")
    if "  " in s:
        out.append(f"'{s}': two spaces in a row")
    if not unicodedata.is_normalized("NFC", s):
        out.append(f"'{s}': not in Unicode NFC form")
    meta = sorted(set(s) & REGEX_META)
    if meta:
        out.append(f"'{s}': regular-expression characters {''.join(meta)!r}")
    bad = sorted({c for c in s if not (c.isalpha() or c in ALLOWED_PUNCT)} - REGEX_META)
    if bad:
        out.append(f"'{s}': characters other than letters, space, '-', '.', \"'\": "
                   + " ".join(f"U+{ord(c):04X}" for c in bad))
    if s and not s[0].isupper():
        out.append(f"'{s}': does not start with an upper-case letter")
    first = s.split(" ", 1)[0]
    if " " in s and first in LOWERCASE_FIRST_WORDS:
        out.append(f"'{s}': starts with '{first}', usually lower case in running text")
    return out


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    if len(argv) > 1:
        path = shown = argv[1]
    else:
        path = os.path.join(here, os.pardir, "rules", "countries.tsv")
        shown = "rules/countries.tsv"
    problems = []

    def err(line, msg):
        problems.append(f"{shown}:{line}: {msg}")

    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        print(f"{shown}:0: cannot read: {e.strerror}")
        return 1
    if raw.startswith(b"\xef\xbb\xbf"):
        err(1, "byte-order mark at the start of the file")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"{shown}:0: not valid UTF-8 (byte {e.start})")
        return 1

    valid = set(ISO_3166_1_ALPHA2) | set(USER_ASSIGNED)
    seen_codes = {}  # code -> line
    by_key = {}      # loader key -> (code, line, string)
    by_folded = {}   # accent-folded key -> (code, line, string)
    lookup = {}      # loader key -> code
    n_aliases = n_demonyms = 0

    for lineno, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            err(lineno, "CR LF line ending")
            line = line[:-1]
        for c in CURLY:
            if c in line:
                err(lineno, f"curly quote or prime U+{ord(c):04X}; use a straight apostrophe")
        if line.strip() == "" or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            err(lineno, f"expected 4 TAB-separated columns (code, name, aliases, demonyms), "
                        f"got {len(cols)}")
            continue
        code, name, aliases, demonyms = cols
        if not re.fullmatch(r"[A-Z]{2}", code):
            err(lineno, f"'{code}' is not an upper-case two-letter code")
            continue
        if code not in valid:
            err(lineno, f"'{code}' is not an ISO 3166-1 alpha-2 code")
        if code in seen_codes:
            err(lineno, f"code {code} already on line {seen_codes[code]}")
            continue
        seen_codes[code] = lineno

        alias_list = aliases.split("|") if aliases else []
        dem_list = demonyms.split("|") if demonyms else []
        n_aliases += len(alias_list)
        n_demonyms += len(dem_list)
        own = {}  # loader key -> string, within this line
        for kind, s in [("name", name)] + [("alias", a) for a in alias_list] \
                + [("demonym", d) for d in dem_list]:
            for msg in string_problems(s):
                err(lineno, f"{kind} {msg}")
            if not s.strip():
                continue
            if "columbia" in s.casefold():
                err(lineno, f"{kind} '{s}' contains 'Columbia' (not a country; Colombia is)")
            for bad, why in FORBIDDEN.items():
                if loader_key(s) == loader_key(bad) and bad != "Columbia":
                    err(lineno, f"{kind} '{s}' is forbidden: {why}")
            k, fk = loader_key(s), folded_key(s)
            if k in own:
                what = "repeats the name" if own[k] == name else f"repeats '{own[k]}'"
                err(lineno, f"{kind} '{s}' {what} in the same line")
                continue
            own[k] = s
            prev = by_key.get(k)
            if prev and prev[0] != code:
                err(lineno, f"{kind} '{s}' already belongs to {prev[0]} (line {prev[1]})")
            else:
                fprev = by_folded.get(fk)
                if fprev and fprev[0] != code:
                    err(lineno, f"{kind} '{s}' equals '{fprev[2]}' of {fprev[0]} "
                                f"(line {fprev[1]}) once accents are stripped")
            by_key.setdefault(k, (code, lineno, s))
            by_folded.setdefault(fk, (code, lineno, s))
            lookup.setdefault(k, code)

    for code in ISO_3166_1_ALPHA2:
        if code not in seen_codes:
            err(0, f"ISO 3166-1 code {code} is missing")
    for code in USER_ASSIGNED:
        if code not in seen_codes:
            err(0, f"user-assigned code {code} ({USER_ASSIGNED[code]}) is missing")
    for s, want in TRAPS.items():
        got = lookup.get(loader_key(s))
        if got is None:
            err(0, f"trap '{s}' is not listed (should give {want})")
        elif got != want:
            err(0, f"trap '{s}' gives {got}, should give {want}")

    if problems:
        print("\n".join(problems))
        return 1
    n_iso = sum(1 for c in seen_codes if c in ISO_3166_1_ALPHA2)
    extra = sorted(c for c in seen_codes if c in USER_ASSIGNED)
    print(f"{n_iso} countries, {len(extra)} user-assigned ({' '.join(extra)}), "
          f"{n_aliases} aliases, {n_demonyms} demonyms: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
