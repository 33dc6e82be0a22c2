"""The scenarios: one function per kind of filing, each composing a Doc from
seeded random choices, and the plan that says how many of each kind a set holds.

The wording here is deliberately not the wording of tools/samplegen/specs.py:
every sentence that carries a fact the pipeline extracts (title, nationality,
proposed removal, traps) comes in several phrasings, chosen at random.
"""

import datetime

from . import blocks as B
from . import world as W
from .doc import Doc

INA208, CIGM, CARR = B.INA208, B.CIGM, B.CARR
CFR1240 = "8 C.F.R. \u00a7 1240.11(h)"


# ---------------------------------------------------------------------------
# Facts of a case
def fmt_date(dt):
    return "%s %d, %d" % (W.MONTHS[dt.month - 1], dt.day, dt.year)


def a_number(d):
    """(9-digit value, display, label).  Label '' means the display stands alone."""
    r = d.rng.random()
    if r < 0.12:  # old 8-digit number
        n8 = d.rng.randrange(10_000_000, 99_999_999)
        s = "%08d" % n8
        disp = d.pick(["A %s-%s-%s" % (s[:2], s[2:5], s[5:]), "A%s %s %s" % (s[:2], s[2:5], s[5:]),
                       "A-%s-%s-%s" % (s[:2], s[2:5], s[5:])])
        d.tag("old-8-digit-a-number")
        return "0" + s, disp, d.pick(["File No.: ", "A-Number: ", "File Number: "])
    if r < 0.22:
        n = d.rng.randrange(10_000_000, 99_999_999)  # leading-zero 9-digit number
        s = "%09d" % n
        d.tag("a-number-leading-zero")
        return s, "A%s-%s-%s" % (s[:3], s[3:6], s[6:]), d.pick(["File No.: ", "A-Number: "])
    n = d.rng.randrange(200_000_000, 249_999_999)
    s = "%09d" % n
    g = (s[:3], s[3:6], s[6:])
    v = d.rng.randrange(9)
    if v == 0:
        return s, "A %s-%s-%s" % g, "File No.: "
    if v == 1:
        return s, "A%s %s %s" % g, d.pick(["File No.: ", "A-Number: "])
    if v == 2:
        d.tag("a-number-hash")
        return s, "A# %s" % s, d.pick(["", "File No.: "])
    if v == 3:
        return s, "A-%s-%s-%s" % g, d.pick(["File No.: ", "File Number: "])
    if v == 4:
        d.tag("a-number-no-prefix")
        return s, "%s-%s-%s" % g, d.pick(["A-Number: ", "Alien Number: "])
    if v == 5:
        return s, "A %s %s %s" % g, "File No.: "
    if v == 6:
        return s, "A%s" % s, d.pick(["Alien Number: ", "A-Number: "])
    if v == 7:
        return s, "A%s-%s-%s" % g, "File No.: "
    return s, "A %s%s%s" % g, d.pick(["A-Number: ", "File No.: "])


def person_name(d, origin, gender):
    style = W.STYLE.get(origin, "hisp")
    pool = W.NAMES[style]
    given = d.pick(pool[gender])
    codes = ()
    if d.chance(0.13) and style in ("hisp", "nig", "hait", "cafr"):
        g, code = d.pick(W.COUNTRY_GIVEN[gender])
        given = g if d.chance(0.5) else g + " " + given.split()[0]
        codes = ((g, code),)
    sur = d.pick(pool["sur"])
    if pool["two"] and d.chance(0.75):
        sur2 = d.pick([s for s in pool["sur"] if s != sur])
        sur = sur + " " + sur2
    return sur, given, codes


def lawyer(d, trap_ok=True):
    if trap_ok and d.chance(0.12):
        first, code = d.pick(W.LAWYER_FIRST_TRAP)
        codes = ((first, code),)
    else:
        first, codes = d.pick(W.LAWYER_FIRST), ()
    return "%s %s. %s" % (first, d.pick(W.LAWYER_MID), d.pick(W.LAWYER_LAST)), codes


def facts(d, nat, detained="random", court=None, proceedings=None, origin=None):
    """Choose the case facts; `nat` is the stated nationality (or None),
    `origin` the real one when it is not stated (for the name)."""
    F = {}
    if detained == "random":
        detained = d.pick([True, True, False, False, False, None])
    d.detained = detained
    if court is None:
        if detained:
            court = d.pick([c for c in W.COURTS if c[4]])
        else:
            court = d.pick(W.COURTS)
    F["court"] = court
    city, state, st, cname, fac, _ = court
    F["facility"] = fac if detained else None
    F["office_city"] = city
    F["office"] = {"Lumpkin": "Stewart", "Chaparral": "Otero", "Folkston": "Atlanta"}.get(city, city)
    F["street"] = d.pick(W.STREETS)
    F["court_street"] = d.pick(["500 Justice Center Drive, Suite 2100", "75 Federal Building Plaza, 8th Floor",
                                "1200 Tribunal Way, Suite 400", "33 Adjudication Road", "640 Civic Square, Room 1250"])
    F["area"] = W.AREA.get(st, "555")
    nat_code = nat or origin or d.pick(W.NATIONALITIES)
    d.nationality = nat
    gender = d.pick(["m", "m", "f"])
    sur, given, codes = person_name(d, nat_code, gender)
    d.respondent = "%s, %s" % (sur, given)
    d.person(d.respondent, codes)
    F["gender"] = gender
    F["resp_display_name"] = "%s %s" % (given, sur.title())
    F["honor"] = ("Mr. " if gender == "m" else "Ms. ") + sur.split()[0].title()
    F["he"], F["him"], F["his"] = ("he", "him", "his") if gender == "m" else ("she", "her", "her")
    F["He"], F["His"] = F["he"].capitalize(), F["his"].capitalize()
    F["resp"] = d.pick(["the respondent", "the respondent", F["honor"]])
    d.a_number, d.a_display, F["a_label"] = a_number(d)
    atty, acodes = lawyer(d)
    d.person(atty, acodes)
    F["dhs_atty"] = atty
    F["dhs_title"] = d.pick(["Assistant Chief Counsel", "Assistant Chief Counsel", "Senior Attorney",
                             "Deputy Chief Counsel"])
    counsel, ccodes = lawyer(d)
    d.person(counsel, ccodes)
    F["counsel"] = counsel
    F["org"] = d.pick(W.ORGS)
    F["counsel_street"] = d.pick(W.STREETS)
    F["counsel_city"] = "%s, %s %s" % (city, st, W.ZIPS.get(st, "00000"))
    F["pro_se"] = False
    jf = d.pick(["Teresa", "William", "Gloria", "Martin", "Denise", "Harold", "Lucille", "Raymond",
                 "Sandra", "Vincent", "Patrice", "Eugene"])
    jl = d.pick(["Castellanos", "Ashworth", "Okonkwo", "Pellegrini", "Tran", "Brandt", "Escalante",
                 "Whitcomb", "Nakamura", "Delgado", "Fairbanks", "Rourke"])
    F["judge"] = "Hon. %s %s. %s" % (jf, d.pick(W.LAWYER_MID), jl)
    base = datetime.date(2025, 3, 3) + datetime.timedelta(days=d.rng.randrange(0, 420))
    F["date_dt"] = base
    F["date"] = fmt_date(base)
    F["hearing"] = fmt_date(base + datetime.timedelta(days=d.rng.randrange(21, 140)))
    if d.chance(0.3):
        F["hearing"] += d.pick([" at 8:30 AM", " at 1:00 PM", " at 9:00 AM"])
    entry = base - datetime.timedelta(days=d.rng.randrange(240, 1100))
    F["entry"] = fmt_date(entry)
    F["entry_year"] = entry.year
    F["nta"] = fmt_date(entry + datetime.timedelta(days=d.rng.randrange(5, 90)))
    F["mch"] = fmt_date(entry + datetime.timedelta(days=d.rng.randrange(120, 200)))
    F["i589"] = fmt_date(entry + datetime.timedelta(days=d.rng.randrange(210, 235)))
    F["appeal"] = fmt_date(base + datetime.timedelta(days=30))
    F["prior"] = fmt_date(base - datetime.timedelta(days=d.rng.randrange(14, 40)))
    F["proceedings"] = proceedings or d.pick(["In Removal Proceedings"] * 5 + [
        "In Asylum-Only Proceedings", "In Withholding-Only Proceedings", "Removal Proceedings"])
    if "Asylum-Only" in F["proceedings"]:
        d.tag("asylum-only-proceedings")
    F["nat_origin"] = nat_code
    return F


def start(d, filer, nat, detained="random", court=None, bia=False, address=False, judge=True,
          hearing=True, proceedings=None, origin=None, pro_se=False, cover_title=None):
    F = facts(d, nat, detained=detained, court=court, proceedings=proceedings, origin=origin)
    F["pro_se"] = pro_se and bool(d.detained)
    d.filer = filer
    marker = B.marker_text(d)
    if marker is None:
        d.tag("no-detention-marker")
    pos = None
    if marker:
        pos = d.pick(["header", "header", "matter", "top"] if filer != "court" else ["matter", "top"])

    def header():
        if pos == "top":
            d.line(marker, align="right", bold=True)
        if filer == "dhs":
            B.dhs_header(d, F, marker if pos == "header" else None)
        elif filer == "respondent":
            B.counsel_header(d, F, marker if pos == "header" else None)

    header()
    B.caption(d, F, bia=bia, address=address)
    B.matter(d, F, marker=marker if pos == "matter" else None, judge=judge and not bia,
             hearing=hearing and not bia)
    if cover_title:
        d.op(lambda L: L.gap(60))
        B.title(d, cover_title)
        d.page_break()
        d.tag("cover-page")
    return F


def multi_page_ok(d):
    return d.fmt not in ("png", "jpeg")


# ---------------------------------------------------------------------------
# Sentences
def nat_sentence(d, F, code, subj=None):
    """A sentence stating the nationality; registers the mention."""
    subj = subj or "The respondent"
    He = F["He"]
    opts = ["native_citizen", "national_of", "born_in", "cn_is", "native_no_other", "citizen_of"]
    if W.formal(code):
        opts += ["formal", "formal"]
    if W.demonym(code):
        opts += ["dem_national", "who_is", "dem_citizen", "dem_national"]
    v = d.pick(opts)
    if v == "native_citizen":
        d.tag("nationality-native-citizen")
        return "%s is a native and citizen of %s." % (subj, d.c(code, "nationality"))
    if v == "national_of":
        d.tag("nationality-national-of")
        return "%s is a national of %s and has no lawful status in the United States." % (
            subj, d.c(code, "nationality"))
    if v == "born_in":
        d.tag("nationality-born-in")
        return "%s was born in %s, %s, and holds citizenship only in that country." % (
            subj, BIRTH.get(code, "the capital"), d.c(code, "nationality"))
    if v == "cn_is":
        d.tag("nationality-country-of-nationality")
        return "%s country of nationality is %s." % ("The respondent's" if subj == "The respondent"
                                                     else subj + "'s", d.c(code, "nationality"))
    if v == "native_no_other":
        d.tag("nationality-native-of")
        return "%s, a native of %s, claims no other citizenship." % (subj, d.c(code, "nationality"))
    if v == "citizen_of":
        d.tag("nationality-citizen-of")
        return "%s is a citizen of %s." % (subj, d.c(code, "nationality"))
    if v == "formal":
        d.tag("nationality-formal-name")
        return "%s is a citizen of %s." % (subj, d.c(code, "nationality", "formal"))
    if v == "dem_national":
        d.tag("nationality-demonym")
        dem = d.c(code, "nationality", "demonym")
        art = "an" if dem[0] in "AEIOU" else "a"
        return "%s is %s %s national." % (subj, art, dem)
    if v == "who_is":
        d.tag("nationality-demonym")
        return "%s, who is %s, %s." % ("Respondent" if subj == "The respondent" else subj,
                                       d.c(code, "nationality", "demonym"),
                                       d.pick(["does not dispute removability",
                                               "has been in the United States since %d" % F["entry_year"],
                                               "appeared at the last hearing with counsel"]))
    dem = d.c(code, "nationality", "demonym")
    d.tag("nationality-demonym")
    return "%s is %s %s citizen and has no other nationality." % (
        He if subj == "The respondent" and d.chance(0.3) else subj, "an" if dem[0] in "AEIOU" else "a", dem)


BIRTH = {"VE": "Maracaibo", "CU": "Holguin", "HN": "San Pedro Sula", "GT": "Quetzaltenango",
         "SV": "San Miguel", "NI": "Chinandega", "CO": "Cali", "EC": "Guayaquil", "PE": "Trujillo",
         "HT": "Gonaives", "MX": "Morelia", "IN": "Amritsar", "CN": "Fuzhou", "RU": "Makhachkala",
         "AF": "Herat", "MR": "Nouakchott", "SN": "Kaolack", "CD": "Kinshasa", "BR": "Governador Valadares",
         "NG": "Enugu", "ER": "Asmara", "ET": "Gondar", "TR": "Gaziantep", "UZ": "Andijan",
         "NP": "Pokhara", "BD": "Sylhet", "AO": "Luanda", "CM": "Bamenda", "GN": "Conakry",
         "SD": "Khartoum", "NE": "Niamey", "GE": "Kutaisi", "BZ": "Belize City", "CG": "Brazzaville",
         "DO": "Santiago de los Caballeros", "GW": "Bafata"}


def particulars(d, F, code):
    """A 'Nationality: X' block of case particulars."""
    d.tag("nationality-label")
    rows = [("Name:", d.respondent), ("Nationality:", d.c(code, "nationality", "name")),
            ("Date of entry:", F["entry"]), ("Manner of entry:", d.pick(["EWI", "Without inspection",
                                                                        "Parole (expired)"]))]

    def f(L, rows=rows):
        L.gap(2)
        for a, b in rows:
            L.row([(36, a, "left", True), (170, b, "left")], leading=L.single * 1.15)
        L.gap(8)
    d.op(f)


def entry_sentence(d, F):
    He = F["He"]
    place = d.place(d.pick(W.BORDER_PLACES))
    v = d.rng.randrange(3)
    if v == 0:
        return "%s entered the United States without inspection near %s on or about %s." % (He, place, F["entry"])
    if v == 1:
        return ("%s crossed the border at a place not designated as a port of entry, near %s, on or "
                "about %s." % (He, place, F["entry"]))
    return "%s arrived in the United States on %s and was encountered by Border Patrol agents near %s." % (
        He, F["entry"], place)


def procedure_sentences(d, F):
    he, him, He = F["he"], F["him"], F["He"]
    s = [d.pick(["DHS commenced these proceedings by filing a Notice to Appear with the Court on %s." % F["nta"],
                 "%s was served with a Form I-862, Notice to Appear, on %s." % (He, F["nta"]),
                 "The Notice to Appear, issued on %s, charges %s as inadmissible under INA \u00a7 212(a)(6)(A)(i)."
                 % (F["nta"], him)])]
    if d.chance(0.6):
        s.append(d.pick(["At the master calendar hearing of %s, %s conceded the charge through counsel." % (
            F["mch"], he), "Removability was established at a hearing on %s." % F["mch"]]))
    s.append(d.pick(["%s lodged a Form I-589 with the Court on %s." % (He, F["i589"]),
                     "An application for asylum, withholding of removal and protection under the Convention "
                     "Against Torture (Form I-589) was filed on %s." % F["i589"]]))
    return s


def feared_sentence(d, F, code, role="feared"):
    he, He, his = F["he"], F["He"], F["his"]
    X = d.c(code, role)
    d.tag("feared-country-not-removal")
    return d.pick([
        "%s claims to fear persecution in %s by members of a criminal organization." % (He, X),
        "%s fled %s in %d after receiving death threats." % (He, X, F["entry_year"] - 1),
        "%s claim rests on harm %s suffered in %s." % (F["His"], he, X),
        "%s asserts that %s would be harmed if returned to %s." % (He, he, X),
        "%s says %s fears persecution in %s on account of %s political opinion." % (He, he, X, his),
    ])


def transit_sentence(d, F, codes):
    d.tag("transit-countries")
    lst = d.clist(codes, "transit")
    return d.pick(["On the way to the United States, %s traveled through %s." % (F["he"], lst),
                   "%s transited %s without seeking protection in any of them." % (F["He"], lst),
                   "Before reaching the border %s passed through %s." % (F["he"], lst)])


def transit_route(d, nat, avoid=()):
    route = {"VE": ["CO", "PA", "CR", "NI", "HN", "GT", "MX"], "CU": ["NI", "HN", "GT", "MX"],
             "EC": ["CO", "PA", "CR", "NI", "HN", "GT", "MX"], "PE": ["EC", "CO", "PA", "CR", "MX"],
             "CO": ["PA", "CR", "NI", "HN", "GT", "MX"], "HT": ["BR", "PE", "EC", "CO", "PA", "MX"],
             "HN": ["GT", "MX"], "SV": ["GT", "MX"], "NI": ["HN", "GT", "MX"], "GT": ["MX"],
             "MR": ["TR", "CO", "PA", "NI", "HN", "GT", "MX"], "SN": ["TR", "NI", "HN", "GT", "MX"],
             "IN": ["EC", "CO", "PA", "CR", "MX"], "CN": ["EC", "CO", "PA", "MX"],
             "AF": ["BR", "PE", "EC", "CO", "PA", "MX"], "CD": ["BR", "PE", "EC", "CO", "PA", "MX"]}
    r = [c for c in route.get(nat, ["PA", "CR", "GT", "MX"]) if c not in avoid and c != nat]
    if len(r) > 4:
        k = d.rng.randrange(3, 5)
        r = sorted(d.sample(r, k), key=r.index)
    return r


def background_sentence(d, codes, applied=None):
    d.tag("background-aca-list")
    lst = d.clist(codes, "background")
    if applied:
        return d.pick([
            "Although the United States has cooperative agreements with %s, this motion relies on one of "
            "them only." % lst,
            "The Departments have concluded ACAs with %s; not every one of them is in force, and DHS "
            "invokes only the agreement discussed below." % lst,
        ])
    return d.pick([
        "The United States has signed Asylum Cooperative Agreements with %s, but DHS has not yet determined "
        "whether any of them applies to the respondent." % lst,
        "DHS is still evaluating whether the ACAs concluded with %s could reach this respondent, and it "
        "does not invoke any of them here." % lst,
        "Agreements with %s exist, yet none has been invoked in this case." % lst,
    ])


LEAD_INS = [
    "", "The agreement is in force.", "The bar applies here.", "No exception to the agreement applies.",
    "The respondent does not fall within any exclusion.", "DHS has reviewed the record with care.",
    "The respondent arrived after the effective date of the agreement.",
    "The respondent bears the burden of proving otherwise.", "Each element is satisfied.",
    "The record is clear on this point.",
]


def removal_single(d, F, x, style):
    """Sentence(s) proposing removal to one country; x is the country text (or a
    placeholder).  Returns (argument sentence, conclusion sentence)."""
    him, he, his = F["him"], F["he"], F["his"]
    r = F["resp"]
    if style == "request":
        arg = "DHS requests that the Court order %s removed to %s." % (r, x)
    elif style == "proposes":
        arg = "DHS proposes %s as the country of removal under the Asylum Cooperative Agreement." % x
    elif style == "under_aca":
        arg = "%s is subject to removal to %s under the ACA, and DHS asks the Court to so order." % (
            r[0].upper() + r[1:], x)
    elif style == "between":
        arg = ("Removal of %s is proper pursuant to the Asylum Cooperative Agreement between the United "
               "States and %s." % (r, x))
    elif style == "effectuate":
        arg = ("ICE is prepared to effectuate %s removal to %s, whose government has agreed to receive %s "
               "and to consider any protection claim %s presents there." % (his, x, him, he))
    else:  # "should"
        arg = ("%s should therefore be ordered removed to %s, where %s will have access to a full and fair "
               "procedure for determining a claim to protection." % (r[0].upper() + r[1:], x, he))
    return arg


def conclusion_single(d, F, X):
    return d.pick([
        "WHEREFORE, DHS asks the Court to grant this motion, pretermit the asylum application, and order "
        "%s removal to %s." % (F["his"], X),
        "The Court should therefore pretermit the application and enter an order of removal to %s." % X,
        "For the reasons above, the motion should be granted and the respondent ordered removed to %s." % X,
        "DHS respectfully asks that the application be pretermitted and that %s be removed to %s." % (
            F["resp"], X),
    ])


def legal_standard(d):
    return d.pick([
        "Section 208(a)(2)(A) of the Act bars an asylum application where the applicant can be transferred, "
        "under an arrangement with another government, to a safe third country in which %s life or freedom "
        "would not be threatened on a protected ground and which offers access to a full and fair asylum "
        "procedure. %s. The Board has confirmed that pretermission on this basis requires no testimony. "
        "%s." % ("the applicant's", INA208, CIGM),
        "Congress has directed that a noncitizen who can be sent to a safe third country under an asylum "
        "cooperative agreement may not apply for asylum here. %s; %s. Where the agreement applies, no "
        "hearing on the merits is required. %s." % (INA208, CFR1240, CIGM),
        "An Immigration Judge shall pretermit an asylum application when the record shows that a "
        "cooperative agreement permits the applicant's transfer to a third country that offers a full and "
        "fair procedure. %s; %s. The respondent must then show, by a preponderance of the evidence, that an "
        "exception applies. %s." % (INA208, CFR1240, CIGM),
    ])


def intro_pretermit(d, F):
    him = F["him"]
    return d.pick([
        "DHS, by and through the undersigned counsel, asks the Court to pretermit the asylum application "
        "that the respondent filed on %s, without an evidentiary hearing." % F["i589"],
        "Comes now the Department of Homeland Security and moves this Court for an order pretermitting "
        "the respondent's Form I-589 insofar as it seeks asylum.",
        "ICE's Office of the Principal Legal Advisor submits this motion asking the Court to find the "
        "respondent ineligible to apply for asylum and to pretermit that application.",
        "The Department requests pretermission of the respondent's application for asylum under the "
        "safe-third-country bar. %s." % INA208,
        "Pursuant to %s, DHS submits that the respondent's asylum claim should be pretermitted because a "
        "safe third country is available to %s." % (CFR1240, him),
    ])


def heading(d, kind):
    if not hasattr(d, "roman"):
        d.roman = d.chance(0.5)
    roman = d.roman
    names = {"facts": ["STATEMENT OF FACTS", "BACKGROUND", "PROCEDURAL HISTORY", "FACTS"],
             "arg": ["ARGUMENT", "DISCUSSION", "LEGAL ANALYSIS", "ARGUMENT AND AUTHORITIES"],
             "end": ["CONCLUSION", "CONCLUSION AND RELIEF REQUESTED", "RELIEF REQUESTED"]}
    n = {"facts": "I. ", "arg": "II. ", "end": "III. "}[kind] if roman else ""
    return n + d.pick(names[kind])


def doc_name_of(title_text):
    t = title_text.title().replace("'S", "'s").replace("Dhs", "DHS").replace("I-589", "I-589")
    return t if len(t) < 70 else "motion"


# ---------------------------------------------------------------------------
# Hyphenated paragraphs
def hyphen_variants(d, template, name, extra_leads=None):
    """template holds '\x01' where the country name goes.  Returns (variants, fallback)."""
    last = name.split()[-1]
    head = name[: len(name) - len(last)]
    splits = W.SPLITS.get(last, [])
    if not splits:
        return [], template.replace("\x01", name)
    leads = list(extra_leads or LEAD_INS)
    d.rng.shuffle(leads)
    variants = []
    for a in leads:
        for b in ([""] + leads[:3]) if a else [""]:
            if a == b and a:
                continue
            lead = " ".join(x for x in (a, b) if x)
            for sp in splits:
                t = template.replace("\x01", head + sp.replace("-", "{-}"))
                variants.append((lead + " " + t) if lead else t)
    return variants, template.replace("\x01", name)


NEUTRAL_LEADS = ["", "Each element is satisfied.", "The record is clear on this point.",
                 "DHS has reviewed the record with care.", "Travel documents have been requested.",
                 "The respondent has been advised of this designation.", "No further notice is required."]


def removal_paragraph(d, F, X, style, hyph, pre="", leads=None):
    """Appends the paragraph proposing removal to X (registered by the caller);
    with hyph, tries to break X across a line end."""
    if hyph:
        tmpl = pre + removal_single(d, F, "\x01", style)
        variants, fallback = hyphen_variants(d, tmpl, W.text(X), leads)
        if variants:
            d.hpara(variants, fallback)
            d.tag("line-end-hyphenation")
            return
    d.para(pre + removal_single(d, F, W.text(X), style))


# ---------------------------------------------------------------------------
# Scenarios
def nat_pick(d, exclude=(), p_none=0.1):
    if d.chance(p_none):
        return None
    while True:
        n = d.pick(W.NATIONALITIES)
        if n not in exclude:
            return n


def pretermit_title(d):
    return d.pick([
        "DEPARTMENT OF HOMELAND SECURITY'S MOTION TO PRETERMIT",
        "DHS MOTION TO PRETERMIT ASYLUM APPLICATION",
        "MOTION TO PRETERMIT THE RESPONDENT'S FORM I-589",
        "AMENDED MOTION TO PRETERMIT",
        "U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT'S MOTION TO PRETERMIT ASYLUM",
        "THE DEPARTMENT'S MOTION TO PRETERMIT AND MEMORANDUM OF LAW IN SUPPORT",
        "MOTION TO PRETERMIT APPLICATION FOR ASYLUM BASED ON AN ASYLUM COOPERATIVE AGREEMENT",
        "DHS MOTION TO PRETERMIT UNDER INA \u00a7 208(a)(2)(A)",
    ])


def s_pretermit(d, variant="single", exhibit=False):
    """DHS motion to pretermit: one ACA country, several, an alternative, the
    formal agreement name, C-A-R-R- (no country), or the country only on page 2."""
    d.motion_type = "pretermit"
    nat = nat_pick(d)
    if variant == "car":
        removal = []
    elif variant == "multi":
        removal = d.sample([c for c in ["EC", "HN", "UG", "GT"] if c != nat], 3 if d.chance(0.6) else 2)
    elif variant == "alt":
        first = d.pick([c for c in W.ACA if c != nat])
        removal = [first, d.pick([c for c in ["EC", "UG", "HN", "GT"] if c not in (first, nat)])]
    else:
        removal = [d.pick([c for c in W.ACA if c != nat])]
    if variant == "page2" or exhibit:
        d.fmt = d.fmt if multi_page_ok(d) else "pdf-scan"
    cover = variant != "page2" and multi_page_ok(d) and d.chance(0.08)
    ttl = pretermit_title(d)
    F = start(d, "dhs", nat, cover_title=ttl if cover else None)
    B.title(d, ttl)
    d.propose(*removal)
    X = removal[0] if removal else None
    headings = d.chance(0.55)
    d.para(intro_pretermit(d, F))
    if headings:
        d.heading(heading(d, "facts"))
    facts_s = []
    if nat and d.chance(0.12):
        d.para("The respondent's particulars, as shown in the record of proceedings, are as follows:")
        particulars(d, F, nat)
    elif nat:
        facts_s.append(nat_sentence(d, F, nat))
    elif d.chance(0.5):
        facts_s.append("The respondent's nationality is not at issue in this motion.")
    if not nat:
        d.tag("no-nationality-stated")
    facts_s.append(entry_sentence(d, F))
    facts_s += procedure_sentences(d, F)
    d.para(" ".join(facts_s))
    extra = []
    if nat and d.chance(0.4):
        extra.append(feared_sentence(d, F, nat))
    if nat and d.chance(0.3):
        route = transit_route(d, nat, avoid=removal if variant == "page2" else ())
        if route:
            extra.append(transit_sentence(d, F, route))
    if extra:
        d.para(" ".join(extra))
    if variant == "page2":
        d.para("The respondent has appeared at each hearing and is represented by counsel. The Court set "
               "a filing deadline for pre-hearing motions, and this motion is timely under that order. "
               "DHS has conferred with opposing counsel, who does not consent to the relief requested.")
        d.page_break()
        d.tag("removal-country-only-on-page-2")
        d.forbid_p1 += [W.text(c) for c in removal]
    if headings:
        d.heading(heading(d, "arg"))
    if variant == "car":
        d.tag("pretermit-no-country-car")
        d.para(d.pick([
            "The application is deficient on its face: Part B is blank, the applicant did not sign it, and no "
            "declaration accompanies it. Under %s, the Court may pretermit an incomplete application after "
            "notice and an opportunity to cure, which the respondent received on %s." % (CARR, F["mch"]),
            "An I-589 that omits required answers is not properly filed. %s; 8 C.F.R. \u00a7 1003.31(c). The "
            "respondent was warned on %s that the form was missing its signature and the narrative of "
            "harm, and the deficiency was never cured." % (CARR, F["mch"]),
        ]))
        d.para(d.pick([
            "This motion does not rely on any cooperative agreement, and DHS does not by this motion seek "
            "removal to any third country.",
            "DHS reserves the right to seek pretermission under INA \u00a7 208(a)(2)(A) at a later stage; "
            "no third country is proposed here.",
            "Because the application is incomplete, the question of a safe third country does not arise.",
        ]))
        d.para(d.pick(["WHEREFORE, DHS asks the Court to pretermit the incomplete application.",
                       "The Court should pretermit the Form I-589 as incomplete and set the matter for a "
                       "hearing on any remaining relief."]))
    else:
        d.para(legal_standard(d))
        if d.chance(0.35):
            others = [c for c in W.ACA_ALL if c not in removal]
            bg = removal[:1] + d.sample(others, 2) if d.chance(0.5) else d.sample(others, 3)
            d.para(background_sentence(d, d.sample(bg, len(bg)), applied=True))
        if d.chance(0.12) and variant in ("single", "page2"):
            neg = d.pick([c for c in ["GT", "EC", "UG", "HN"] if c not in removal and c != nat])
            d.para("DHS does not seek the respondent's removal to %s in this motion." % d.c(neg, "negated"))
            d.tag("negated-country")
        if variant in ("single", "page2"):
            style = d.pick(["request", "proposes", "under_aca", "between", "effectuate", "should", "formal"])
            if style == "formal":
                d.tag("formal-agreement-name")
                d.c(X, "removal")
                d.c(X, "removal", "formal") if W.formal(X) else None
                d.para("The Agreement between the Government of the United States of America and the "
                       "Government of %s for Cooperation in the Examination of Protection Claims (the "
                       "\"Agreement\") governs this case, and DHS seeks the respondent's transfer to %s under "
                       "it." % (W.formal(X) or W.text(X), W.text(X)))
            else:
                d.c(X, "removal")
                if style == "between":
                    d.tag("aca-between-phrase")
                removal_paragraph(d, F, X, style, hyph=d.chance(0.3))
        elif variant == "multi":
            d.tag("several-aca-countries-ordered")
            v = d.rng.randrange(3)
            if v == 0:
                lst = d.clist(removal, "removal", conj="and")
                d.para("The respondent is subject to the ACAs with %s, and DHS asks the Court to order %s "
                       "removed to those countries in that order of preference." % (lst, F["him"]))
            elif v == 1:
                parts = ["with %s" % d.c(c, "removal") for c in removal]
                d.para("Removal is available under %d agreements: %s. DHS lists them in its order of "
                       "preference." % (len(parts), ", ".join(parts[:-1]) + ", and " + parts[-1]))
            else:
                lst = d.clist(removal, "removal", conj="or")
                d.para("DHS proposes removal to %s, in that order, under the respective Asylum Cooperative "
                       "Agreements." % lst)
        else:  # alt
            d.tag("in-the-alternative")
            a, b = removal
            v = d.rng.randrange(3)
            if v == 0:
                d.para("DHS requests that the respondent be removed to %s or, in the alternative, %s." % (
                    d.c(a, "removal"), d.c(b, "removal")))
            elif v == 1:
                d.para("DHS proposes %s as the primary country of removal and asks the Court to designate "
                       "%s as the alternative country of removal should removal to %s prove impossible." % (
                           d.c(a, "removal"), d.c(b, "removal"), d.c(a, "removal")))
            else:
                d.para("The primary country of removal proposed by DHS is %s; %s is proposed in the "
                       "alternative." % (d.c(a, "removal"), d.c(b, "removal")))
        if headings:
            d.heading(heading(d, "end"))
        if len(removal) == 1:
            d.para(conclusion_single(d, F, d.c(X, "removal")))
        else:
            names = [d.c(c, "removal") for c in removal]
            d.para("WHEREFORE, DHS asks the Court to pretermit the application and order the respondent "
                   "removed to %s, or in the alternative to %s." % (names[0], " or ".join(names[1:])))
    date = F["date"]
    B.signature(d, F, "dhs", date)
    B.certificate(d, F, "dhs", date, d.pick(["motion", "DHS Motion to Pretermit", "Motion to Pretermit"]))
    if multi_page_ok(d) and d.chance(0.25):
        B.proposed_order(d, F, d.pick(["Department of Homeland Security's Motion to Pretermit",
                                       "DHS motion to pretermit"]))
    if multi_page_ok(d) and variant != "car" and (exhibit or d.chance(0.1)):
        B.exhibit_agreements(d, "Federal Register / Vol. 90 / Notices / %s" % F["prior"])


PAIRS = [("SD", "SS"), ("DO", "DM"), ("GN", "GQ"), ("NE", "GH"), ("CD", "RW"), ("CG", "CM"), ("GW", "GQ"),
         ("NG", "GH")]


def s_designate(d, variant="third"):
    """DHS notice/motion designating a third country (or the nationality first,
    a third country in the alternative).  Country pairs as traps."""
    d.motion_type = "designate_country"
    pair = None
    if variant == "pair":
        pair = PAIRS[d.occurrence % len(PAIRS)]
        nat, X = pair
        d.tag("country-pair-%s-%s" % (nat.lower(), X.lower()))
    else:
        nat = nat_pick(d, exclude=("MX",), p_none=0.12 if variant != "primary" else 0.0)
        X = d.pick([c for c in W.THIRD if c != nat])
    removal = [nat, X] if variant == "primary" and nat else [X]
    F = start(d, "dhs", nat)
    ttl = d.pick([
        "DHS MOTION TO DESIGNATE A THIRD COUNTRY OF REMOVAL",
        "NOTICE OF INTENT TO DESIGNATE AN ALTERNATIVE COUNTRY OF REMOVAL",
        "DEPARTMENT OF HOMELAND SECURITY'S DESIGNATION OF ALTERNATE COUNTRY OF REMOVAL",
        "MOTION TO DESIGNATE COUNTRY OF REMOVAL PURSUANT TO INA \u00a7 241(b)(2)",
        "DHS NOTICE OF THIRD COUNTRY OF REMOVAL",
        "NOTICE OF DESIGNATION OF COUNTRY OF REMOVAL",
    ])
    d.propose(*removal)
    if variant == "third" and d.chance(0.15):
        ttl = "NOTICE OF DESIGNATION OF %s AS ALTERNATIVE COUNTRY OF REMOVAL" % d.c(X, "removal", "upper")
        d.tag("country-in-title")
    B.title(d, ttl)
    s = []
    if nat and d.chance(0.15):
        d.para("Case particulars:")
        particulars(d, F, nat)
    elif nat:
        s.append(nat_sentence(d, F, nat))
    else:
        d.tag("no-nationality-stated")
    s.append(d.pick([
        "At the hearing on %s the respondent made no designation of a country of removal." % F["mch"],
        "The respondent has not named a country to which %s wishes to be removed." % F["he"],
        "The Court sustained the charge of removability on %s." % F["mch"],
    ]))
    if pair and pair[0] == "CD" and d.chance(0.7):
        s.append("%s has never lived in the neighbouring %s." % (F["He"], d.c("CG", "mention", "name")))
        d.tag("country-pair-drc-vs-congo")
    if pair and pair[0] == "CG":
        s.append("%s is not a national of %s." % (F["He"], d.c("CD", "negated")))
    d.para(" ".join(s))
    v = d.rng.randrange(5) if variant != "primary" else 9
    if v == 0:
        d.para("Pursuant to INA \u00a7 241(b)(2)(E)(vii), 8 U.S.C. \u00a7 1231(b)(2)(E)(vii), DHS designates %s "
               "as the alternative country of removal." % d.c(X, "removal"))
    elif v == 1:
        d.para("DHS gives notice that it will seek to remove the respondent to %s if removal to %s country "
               "of citizenship cannot be effected. INA \u00a7 241(b)(2); 8 C.F.R. \u00a7 1240.12(d)." % (
                   d.c(X, "removal"), F["his"]))
    elif v == 2:
        d.para("The government of %s has agreed to accept the respondent, and DHS therefore asks the Court "
               "to designate %s as a third country of removal." % (d.c(X, "removal"), d.c(X, "removal")))
    elif v == 3:
        d.para("Under INA \u00a7 241(b)(2)(E), when removal to the country of citizenship is impracticable, "
               "the respondent may be removed to another country whose government will accept %s." % F["him"])
        d.line("Third country of removal proposed by DHS:  %s" % d.c(X, "removal"), indent=36)
        d.gap(6)
    elif v == 4:
        d.c(X, "removal")
        removal_paragraph(d, F, X, "request", hyph=True,
                          pre="Should the respondent's country of nationality decline to issue travel "
                              "documents, ", leads=NEUTRAL_LEADS)
    else:
        d.tag("nationality-also-removal", "in-the-alternative")
        d.para("DHS asks that the respondent be ordered removed to %s, and in the alternative to %s, a country "
               "that has agreed to accept %s. INA \u00a7 241(b)(2)(E)(vii)." % (
                   d.c(nat, "removal"), d.c(X, "removal"), F["him"]))
    if d.chance(0.5):
        d.para(d.pick([
            "The respondent will have an opportunity to state whether %s fears persecution or torture in %s "
            "before any removal order issues." % (F["he"], d.c(X, "removal")),
            "Any claim of fear with respect to %s may be raised at the next hearing." % d.c(X, "removal"),
        ]))
    if nat and nat not in removal and d.chance(0.4):
        d.para(feared_sentence(d, F, nat))
    B.signature(d, F, "dhs", F["date"])
    B.certificate(d, F, "dhs", F["date"], "notice")
    d.tag("designate-country")


def s_dismiss(d):
    d.motion_type = "dismiss"
    nat = nat_pick(d)
    with_aca = d.chance(0.25)
    F = start(d, "dhs", nat)
    B.title(d, d.pick(["U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT'S MOTION TO DISMISS",
                       "DHS MOTION TO DISMISS WITHOUT PREJUDICE", "MOTION TO DISMISS REMOVAL PROCEEDINGS",
                       "DEPARTMENT OF HOMELAND SECURITY'S MOTION TO DISMISS PROCEEDINGS"]))
    d.para(d.pick([
        "DHS moves to dismiss these proceedings without prejudice under 8 C.F.R. \u00a7 1239.2(c) so that the "
        "respondent may be placed in expedited removal, INA \u00a7 235(b)(1).",
        "The Department asks the Court to dismiss the Notice to Appear. Circumstances have changed after its "
        "issuance, and continuing these proceedings no longer serves the government's interest. 8 C.F.R. "
        "\u00a7 239.2(a)(7); 8 C.F.R. \u00a7 1239.2(c).",
    ]))
    s = []
    if nat:
        s.append(nat_sentence(d, F, nat))
    s.append(entry_sentence(d, F))
    s.append("%s has not been continuously present in the United States for two years." % F["He"])
    d.para(" ".join(s))
    if with_aca:
        X = d.pick([c for c in W.ACA if c != nat])
        d.propose(X)
        d.tag("dismiss-with-third-country")
        d.para("Upon dismissal, DHS intends to process the respondent for expedited removal and to remove %s "
               "to %s pursuant to the Asylum Cooperative Agreement." % (F["him"], d.c(X, "removal")))
    d.para(d.pick(["If the respondent expresses a fear of return, %s will be referred for a screening "
                   "interview." % F["he"],
                   "DHS respectfully asks the Court to grant the motion and dismiss without prejudice."]))
    B.signature(d, F, "dhs", F["date"])
    B.certificate(d, F, "dhs", F["date"], "motion to dismiss")


def s_terminate(d):
    d.motion_type = "terminate"
    nat = nat_pick(d, p_none=0.2)
    filer = d.pick(["respondent", "respondent", "dhs"])
    F = start(d, filer, nat)
    if filer == "respondent":
        B.title(d, d.pick(["RESPONDENT'S MOTION TO TERMINATE PROCEEDINGS",
                           "MOTION TO TERMINATE REMOVAL PROCEEDINGS WITHOUT PREJUDICE",
                           "RESPONDENT'S UNOPPOSED MOTION TO TERMINATE"]))
        s = ["The respondent, through counsel, moves to terminate these proceedings under 8 C.F.R. "
             "\u00a7 1003.18(d)."]
        if nat:
            s.append(nat_sentence(d, F, nat))
        s.append(d.pick([
            "USCIS approved %s Form I-130 filed by %s United States citizen spouse, and an application to "
            "adjust status is pending before that agency." % (F["his"], F["his"]),
            "%s holds Temporary Protected Status, and USCIS has jurisdiction over %s pending application "
            "for adjustment." % (F["He"], F["his"]),
            "USCIS granted %s petition for Special Immigrant Juvenile classification." % F["his"],
        ]))
        d.para(" ".join(s))
        d.para("Termination will allow USCIS to adjudicate the pending application. DHS has been "
               "consulted.")
    else:
        B.title(d, d.pick(["DHS MOTION TO TERMINATE PROCEEDINGS", "DEPARTMENT'S MOTION TO TERMINATE"]))
        s = ["DHS moves to terminate these proceedings. 8 C.F.R. \u00a7 1003.18(d)."]
        if nat:
            s.append(nat_sentence(d, F, nat))
        s.append("Records received after the Notice to Appear was filed show that the respondent derived "
                 "lawful permanent resident status through a parent, and the charge cannot be sustained.")
        d.para(" ".join(s))
    if not nat:
        d.tag("no-nationality-stated")
    B.signature(d, F, filer, F["date"])
    B.certificate(d, F, filer, F["date"], "motion to terminate")


def s_change_venue(d):
    d.motion_type = "change_venue"
    nat = nat_pick(d, p_none=0.15)
    filer = ["dhs", "respondent"][d.occurrence % 2]
    d.tag("change-venue-us-places")
    if filer == "dhs":
        court = d.pick([c for c in W.COURTS if not c[4]])
        F = start(d, "dhs", nat, detained=True, court=court)
        dest = [("Stewart Detention Center", "Lumpkin, Georgia", "Stewart Immigration Court"),
                ("Otero County Processing Center", "Chaparral, New Mexico", "Otero Immigration Court"),
                ("Folkston ICE Processing Center", "Folkston, Georgia", "Folkston Immigration Court")][
                    (d.occurrence // 2) % 3]
        B.title(d, d.pick(["DHS MOTION TO CHANGE VENUE", "MOTION FOR CHANGE OF VENUE",
                           "DEPARTMENT OF HOMELAND SECURITY'S MOTION TO CHANGE VENUE"]))
        d.para("DHS moves under 8 C.F.R. \u00a7 1003.20 to change venue to the %s in %s." % (
            dest[2], d.place(dest[1])))
        s = []
        if nat:
            s.append(nat_sentence(d, F, nat))
        s.append("On %s, ICE transferred the respondent to the %s, %s, where %s remains in custody." % (
            F["prior"], dest[0], d.place(dest[1]), F["he"]))
        if d.chance(0.7):
            rel = W.US_PLACES[(d.occurrence * 3 + 1) % len(W.US_PLACES)]
            s.append("%s only relative in the United States, a cousin, lives in %s." % (F["His"], d.place(rel[0])))
        d.para(" ".join(s))
        d.para("Good cause exists because the respondent, %s custodial officer and the detention records "
               "are all within the jurisdiction of the receiving court. No pleadings remain to be taken here."
               % F["his"])
        d.tag("us-place-georgia" if "Georgia" in dest[1] else "us-place-new-mexico")
    else:
        F = start(d, "respondent", nat, detained=False)
        rel = [p for p in W.US_PLACES if "Georgia" not in p[0] and "Mexico" not in p[0]][
            (d.occurrence // 2) % 6]
        target = {"JM": "New York, New York", "LB": "Philadelphia, Pennsylvania", "PE": "Chicago, Illinois",
                  "PA": "Orlando, Florida", None: "Charlotte, North Carolina"}[rel[1]]
        B.title(d, d.pick(["RESPONDENT'S MOTION TO CHANGE VENUE", "MOTION TO CHANGE VENUE",
                           "RESPONDENT'S MOTION FOR CHANGE OF VENUE"]))
        s = ["The respondent asks the Court to change venue to the Immigration Court in %s. 8 C.F.R. "
             "\u00a7 1003.20." % target]
        if nat:
            s.append(nat_sentence(d, F, nat))
        s.append("%s has moved to %s, where %s lives with %s sister and her children, and has filed a "
                 "Form EOIR-33 giving the new address." % (F["He"], d.place(rel[0]), F["he"], F["his"]))
        d.para(" ".join(s))
        d.para("Venue there is convenient for the respondent and for %s witnesses. DHS has not stated "
               "a position." % F["his"])
        if rel[1]:
            d.tag("us-place-" + rel[0].split(",")[0].lower().replace(" ", "-"))
    if not nat:
        d.tag("no-nationality-stated")
    B.signature(d, F, filer, F["date"])
    B.certificate(d, F, filer, F["date"], "motion to change venue")


def s_continuance(d):
    d.motion_type = "continuance"
    nat = nat_pick(d)
    filer = d.pick(["dhs", "dhs", "respondent"])
    F = start(d, filer, nat)
    if filer == "dhs":
        B.title(d, d.pick(["DHS MOTION TO CONTINUE", "MOTION FOR CONTINUANCE OF INDIVIDUAL HEARING",
                           "DEPARTMENT OF HOMELAND SECURITY'S MOTION FOR A CONTINUANCE"]))
        s = ["DHS asks the Court to continue the individual hearing set for %s. 8 C.F.R. \u00a7 1003.29." %
             F["hearing"]]
        if nat:
            s.append(nat_sentence(d, F, nat))
        d.para(" ".join(s))
        codes = d.sample([c for c in W.ACA_ALL if c != nat], d.rng.randrange(2, 5))
        d.para(background_sentence(d, codes) + " A continuance of about sixty days will let DHS finish that "
               "review.")
        d.tag("background-aca-list-no-proposal")
    else:
        B.title(d, d.pick(["RESPONDENT'S MOTION FOR A CONTINUANCE", "UNOPPOSED MOTION TO CONTINUE",
                           "RESPONDENT'S MOTION TO CONTINUE INDIVIDUAL HEARING"]))
        s = ["The respondent moves for a continuance of the hearing set for %s. 8 C.F.R. \u00a7 1003.29." %
             F["hearing"]]
        if nat:
            s.append(nat_sentence(d, F, nat))
            s.append(feared_sentence(d, F, nat))
        s.append("Counsel was retained only recently and needs time to obtain country-conditions evidence and "
                 "a psychological evaluation.")
        d.para(" ".join(s))
        if d.chance(0.5):
            codes = d.sample([c for c in W.ACA_ALL if c != nat], 3)
            d.para("DHS has said at a prior hearing that it may invoke one of the agreements with %s; it has "
                   "filed nothing to that effect." % d.clist(codes, "background"))
            d.tag("background-aca-list-no-proposal")
    if not nat:
        d.tag("no-nationality-stated")
    B.signature(d, F, filer, F["date"])
    B.certificate(d, F, filer, F["date"], "motion")


def s_reopen(d):
    d.motion_type = "reopen"
    filer = d.pick(["respondent", "respondent", "dhs"])
    if filer == "respondent":
        nat = nat_pick(d, p_none=0.0)
        F = start(d, "respondent", nat, detained=False)
        B.title(d, d.pick(["RESPONDENT'S MOTION TO REOPEN", "MOTION TO REOPEN AND RESCIND IN ABSENTIA ORDER",
                           "RESPONDENT'S MOTION TO REOPEN REMOVAL PROCEEDINGS"]))
        d.para("%s %s moves to reopen. INA \u00a7 240(c)(7); 8 C.F.R. \u00a7 1003.23(b). On %s the Court "
               "ordered %s removed to %s in %s absence." % (
                   nat_sentence(d, F, nat), "The respondent" if d.chance(0.5) else F["He"], F["prior"],
                   F["him"], d.c(nat, "past_order"), F["his"]))
        d.tag("past-removal-order-not-a-proposal")
        d.para("The hearing notice went to an address the respondent had left, although %s had filed a "
               "change-of-address form. The order should be rescinded and the case set for a master "
               "calendar hearing." % F["he"])
        if d.chance(0.4):
            d.para("See <i>In re Anon.</i>, AXXX-XXX-%03d (BIA Jan. 9, 2020) (unpublished)." % d.rng.randrange(1000))
            d.tag("redacted-a-number-citation")
    else:
        nat = nat_pick(d)
        F = start(d, "dhs", nat)
        X = d.pick([c for c in W.ACA if c != nat])
        d.propose(X)
        B.title(d, d.pick(["DHS MOTION TO REOPEN", "DEPARTMENT OF HOMELAND SECURITY'S MOTION TO REOPEN "
                                                   "PROCEEDINGS"]))
        s = ["DHS moves to reopen these proceedings, which were administratively closed, to present a "
             "ground of ineligibility that arose after the last hearing. 8 C.F.R. \u00a7 1003.23(b)(3)."]
        if nat:
            s.append(nat_sentence(d, F, nat))
        d.para(" ".join(s))
        d.para("The agreement with %s entered into force after the case was closed. Upon reopening, DHS "
               "will ask the Court to pretermit the asylum application and to order the respondent removed "
               "to %s." % (d.c(X, "removal"), d.c(X, "removal")))
    B.signature(d, F, filer, F["date"])
    B.certificate(d, F, filer, F["date"], "motion to reopen")


def s_reconsider(d):
    d.motion_type = "reconsider"
    filer = d.pick(["dhs", "respondent"])
    nat = nat_pick(d)
    F = start(d, filer, nat)
    if filer == "dhs":
        X = d.pick([c for c in ["HN", "GT", "UG", "EC"] if c != nat])
        d.propose(X)
        B.title(d, d.pick(["DHS MOTION TO RECONSIDER", "MOTION TO RECONSIDER ORDER DENYING PRETERMISSION"]))
        s = ["DHS asks the Court to reconsider its decision of %s, which denied pretermission. INA "
             "\u00a7 240(c)(6); 8 C.F.R. \u00a7 1003.23(b)(2)." % F["prior"]]
        if nat:
            s.append(nat_sentence(d, F, nat))
        d.para(" ".join(s))
        if W.formal(X) and d.chance(0.5):
            d.tag("formal-agreement-name")
            d.c(X, "removal", "formal")
            d.para("The decision overlooked that the Agreement between the Government of the United States "
                   "of America and the Government of %s for Cooperation in the Examination of Protection "
                   "Claims was in force when the respondent arrived." % W.formal(X))
        else:
            d.para("The decision overlooked the effective date of the Asylum Cooperative Agreement with %s, "
                   "which preceded the respondent's arrival." % d.c(X, "removal"))
        d.para("DHS asks that the Court grant reconsideration and order the respondent removed to %s." %
               d.c(X, "removal"))
    else:
        X = d.pick([c for c in ["HN", "GT", "UG", "EC"] if c != nat])
        B.title(d, d.pick(["RESPONDENT'S MOTION TO RECONSIDER", "MOTION TO RECONSIDER DECISION PRETERMITTING "
                                                               "ASYLUM APPLICATION"]))
        s = ["The respondent asks the Court to reconsider its order of %s pretermitting %s asylum application "
             "and ordering %s removed to %s. 8 C.F.R. \u00a7 1003.23(b)(2)." % (
                 F["prior"], F["his"], F["him"], d.c(X, "past_order"))]
        if nat:
            s.append(nat_sentence(d, F, nat))
        d.para(" ".join(s))
        d.para("The order rests on a factual error: the respondent entered the United States before the "
               "agreement took effect, so it cannot apply to %s." % F["him"])
        d.tag("past-removal-order-not-a-proposal")
    B.signature(d, F, filer, F["date"])
    B.certificate(d, F, filer, F["date"], "motion to reconsider")


def s_remand(d):
    d.motion_type = "remand"
    nat = nat_pick(d, p_none=0.05)
    filer = d.pick(["respondent", "respondent", "dhs"])
    F = start(d, filer, nat, detained=None if d.chance(0.6) else "random", bia=True)
    d.tag("bia-caption")
    if filer == "respondent":
        B.title(d, d.pick(["RESPONDENT'S MOTION TO REMAND", "MOTION TO REMAND TO THE IMMIGRATION JUDGE"]))
        s = ["The respondent moves the Board to remand the record for consideration of evidence that was not "
             "available at the hearing. 8 C.F.R. \u00a7 1003.2(c)(4)."]
        if nat:
            s.append(nat_sentence(d, F, nat))
            s.append(feared_sentence(d, F, nat))
            route = transit_route(d, nat)
            if route and d.chance(0.6):
                s.append(transit_sentence(d, F, route))
        d.para(" ".join(s))
        d.para("The new evidence, a police summons and two sworn statements, goes to the heart of the claim "
               "and would likely change the result.")
    else:
        B.title(d, d.pick(["DHS MOTION TO REMAND", "DEPARTMENT OF HOMELAND SECURITY'S MOTION TO REMAND"]))
        s = ["DHS moves the Board to remand the record so that the Immigration Judge may complete the "
             "required identity, law enforcement, and security investigations. 8 C.F.R. \u00a7 1003.47(h)."]
        if nat:
            s.append(nat_sentence(d, F, nat))
        d.para(" ".join(s))
    if not nat:
        d.tag("no-nationality-stated")
    B.signature(d, F, filer, F["date"])
    B.certificate(d, F, filer, F["date"], "motion to remand")


def s_recalendar(d):
    d.motion_type = "recalendar"
    nat = nat_pick(d, p_none=0.3)
    filer = d.pick(["dhs", "dhs", "respondent"])
    F = start(d, filer, nat)
    B.title(d, d.pick(["DHS MOTION TO RECALENDAR", "MOTION TO RECALENDAR AND SET FOR HEARING",
                       "MOTION TO RECALENDAR PROCEEDINGS"]) if filer == "dhs" else
            d.pick(["RESPONDENT'S MOTION TO RECALENDAR", "MOTION TO RECALENDAR"]))
    s = ["%s moves the Court to return this case to the active docket. 8 C.F.R. \u00a7 1003.18(c)." % (
        "DHS" if filer == "dhs" else "The respondent")]
    if nat:
        s.append(nat_sentence(d, F, nat))
    s.append("The proceedings were administratively closed on %s, and the reason for closure no longer "
             "exists." % F["mch"])
    d.para(" ".join(s))
    if not nat:
        d.tag("no-nationality-stated")
    B.signature(d, F, filer, F["date"])
    B.certificate(d, F, filer, F["date"], "motion to recalendar")


def s_mpp(d):
    d.motion_type = "mpp"
    nat = nat_pick(d, exclude=("MX",), p_none=0.1)
    F = start(d, "dhs", nat, detained=False if d.chance(0.8) else None)
    d.tag("mpp-return-not-removal")
    t = d.pick(["NOTICE OF MIGRANT PROTECTION PROTOCOLS PROCESSING",
                "DHS NOTICE REGARDING THE MIGRANT PROTECTION PROTOCOLS",
                "DHS NOTICE OF REMAIN IN MEXICO ENROLLMENT",
                "NOTICE TO THE COURT: MIGRANT PROTECTION PROTOCOLS"])
    if "MEXICO" in t:
        d.mention("MX", "mpp_return", "MEXICO")
    B.title(d, t)
    port, city = d.pick([("Paso del Norte, El Paso, Texas", "Ciudad Juarez, Chihuahua"),
                         ("Gateway International Bridge, Brownsville, Texas", "Matamoros, Tamaulipas"),
                         ("San Ysidro, California", "Tijuana, Baja California"),
                         ("Calexico West, California", "Mexicali, Baja California")])
    s = []
    if nat:
        s.append(nat_sentence(d, F, nat))
    s.append(d.pick([
        "The respondent has been enrolled in the Migrant Protection Protocols and will be returned to %s to "
        "await %s next hearing before this Court. INA \u00a7 235(b)(2)(C)." % (d.c("MX", "mpp_return"), F["his"]),
        "Under INA \u00a7 235(b)(2)(C), DHS has returned the respondent to %s, where %s will wait for the "
        "remainder of these proceedings." % (d.c("MX", "mpp_return"), F["he"]),
        "Pursuant to the Migrant Protection Protocols, the respondent will remain in %s pending %s removal "
        "hearing and is not being removed by this notice." % (d.c("MX", "mpp_return"), F["his"]),
    ]))
    d.para(" ".join(s))
    d.para("%s must present %s at the %s port of entry at 6:00 a.m. on each hearing date; %s has given an "
           "address in %s." % (F["He"], "himself" if F["he"] == "he" else "herself", d.place(port),
                               F["he"], city))
    if nat and d.chance(0.4):
        d.para(feared_sentence(d, F, nat))
    if not nat:
        d.tag("no-nationality-stated")
    B.signature(d, F, "dhs", F["date"])
    B.certificate(d, F, "dhs", F["date"], "notice")


def s_opp_resp(d):
    """Respondent's opposition that quotes the DHS proposal: removal must be empty."""
    d.motion_type = "opposition"
    nat = nat_pick(d, p_none=0.05)
    target = ["pretermit", "designate", "pretermit", "dismiss"][d.occurrence % 4]
    F = start(d, "respondent", nat, pro_se=d.chance(0.15))
    if target == "pretermit":
        ttl = d.pick(["RESPONDENT'S OPPOSITION TO DHS MOTION TO PRETERMIT",
                      "RESPONDENT'S BRIEF IN OPPOSITION TO THE DEPARTMENT'S MOTION TO PRETERMIT",
                      "RESPONSE IN OPPOSITION TO MOTION TO PRETERMIT",
                      "OPPOSITION TO THE GOVERNMENT'S MOTION TO PRETERMIT ASYLUM APPLICATION"])
    elif target == "designate":
        ttl = d.pick(["RESPONSE IN OPPOSITION TO DHS'S DESIGNATION OF A THIRD COUNTRY OF REMOVAL",
                      "RESPONDENT'S OPPOSITION TO MOTION TO DESIGNATE COUNTRY OF REMOVAL"])
    else:
        ttl = d.pick(["RESPONDENT'S RESPONSE IN OPPOSITION TO MOTION TO DISMISS",
                      "OPPOSITION TO DHS MOTION TO DISMISS"])
    if ttl.startswith(("RESPONSE", "OPPOSITION")):
        d.tag("filer-from-counsel-block")
    B.title(d, ttl)
    d.tag("respondent-opposition-quotes-dhs-proposal")
    X = d.pick([c for c in (W.ACA if target != "designate" else W.THIRD) if c != nat])
    q = d.c(X, "quoted")
    him = F["him"]
    if target == "designate":
        quote = d.pick(["DHS's notice designates %s as the alternative country of removal." % q,
                        "DHS now proposes to send %s to %s, a country %s has never seen." % (him, q, F["he"])])
    elif target == "dismiss":
        quote = ("DHS seeks dismissal so that it can remove %s to %s under the ACA without a hearing." % (him, q))
    else:
        quote = d.pick([
            "DHS's motion asks the Court to order %s removed to %s under the Asylum Cooperative Agreement." % (
                F["honor"], q),
            "The Department contends that the respondent \"is removable to %s under the agreement\" and asks "
            "for an order to that effect." % q,
            "The respondent opposes the Department's proposal to send %s to %s." % (him, q),
        ])
    d.para("The respondent, through %s, opposes the motion filed by DHS on %s. %s" % (
        "counsel" if not F["pro_se"] else "this written response", F["prior"], quote))
    s = []
    if nat:
        s.append(nat_sentence(d, F, nat))
        s.append(feared_sentence(d, F, nat))
    if d.chance(0.4) and nat:
        route = transit_route(d, nat, avoid=(X,))
        if route:
            s.append(transit_sentence(d, F, route))
    if s:
        d.para(" ".join(s))
    reach = ("or that the agreement reaches %s at all" % him if target != "designate" else
             "or that travel documents could be obtained")
    d.para(d.pick([
        "DHS has not shown that %s will accept the respondent %s. A decision without a hearing would deny "
        "%s a fair opportunity to present evidence." % (d.c(X, "quoted"), reach, him),
        "The motion rests on a form notice rather than evidence, and it ignores the respondent's specific "
        "fear of harm in %s, where the same persecutors operate." % d.c(X, "feared"),
        "The Court should require DHS to prove that the agreement applies before granting any relief.",
    ]))
    d.para(d.pick(["For these reasons, the Court should deny the motion and keep the individual hearing on "
                   "calendar.",
                   "WHEREFORE, the respondent asks the Court to deny the Department's motion in full."]))
    if not nat:
        d.tag("no-nationality-stated")
    B.signature(d, F, "respondent", F["date"])
    B.certificate(d, F, "respondent", F["date"], "opposition")


def s_opp_dhs(d):
    d.motion_type = "opposition"
    nat = nat_pick(d)
    F = start(d, "dhs", nat)
    restate = d.chance(0.35)
    B.title(d, d.pick(["DHS OPPOSITION TO RESPONDENT'S MOTION TO CONTINUE",
                       "DEPARTMENT OF HOMELAND SECURITY'S RESPONSE IN OPPOSITION TO RESPONDENT'S MOTION TO "
                       "TERMINATE", "DHS RESPONSE IN OPPOSITION TO MOTION FOR CONTINUANCE"]))
    s = ["DHS opposes the respondent's motion filed on %s." % F["prior"]]
    if nat:
        s.append(nat_sentence(d, F, nat))
    s.append("The respondent has had ample time to prepare, and the motion identifies no new evidence that "
             "could not have been obtained earlier.")
    d.para(" ".join(s))
    if restate:
        X = d.pick([c for c in W.ACA if c != nat])
        d.propose(X)
        d.tag("dhs-opposition-restates-proposal")
        d.para("Delay would also postpone resolution of the pending motion to pretermit. DHS again asks the "
               "Court to pretermit the application and order the respondent removed to %s." % d.c(X, "removal"))
    if not nat:
        d.tag("no-nationality-stated")
    B.signature(d, F, "dhs", F["date"])
    B.certificate(d, F, "dhs", F["date"], "opposition")


def s_order(d):
    """Orders of the Immigration Judge: a removal order (expected = the ordered
    countries), a denial (expected empty), venue or continuance orders."""
    d.motion_type = "order"
    v = ["grant", "deny", "alt", "venue", "home", "grant", "continue", "grant", "deny"][d.occurrence % 9]
    nat = nat_pick(d, exclude=("MX",) if v == "home" else (), p_none=0.15 if v != "home" else 0.0)
    if v == "home":
        nat = "MX" if d.chance(0.5) else d.pick(["GT", "HN", "SV"])
    F = start(d, "court", nat, address=d.chance(0.3), judge=False)
    ttl = d.pick(["ORDER OF THE IMMIGRATION JUDGE", "DECISION AND ORDER", "ORDER",
                  "DECISION AND ORDER OF THE IMMIGRATION JUDGE"])
    if v in ("grant", "deny") and d.chance(0.3):
        ttl = "ORDER ON THE DEPARTMENT'S MOTION TO PRETERMIT"
        d.tag("order-title-names-motion")
    B.title(d, ttl)
    d.tag("ij-order")
    intro = "This matter is before the Court on %s, filed on %s." % (
        {"grant": "the DHS motion to pretermit", "deny": "the DHS motion to pretermit",
         "alt": "the DHS notice designating an alternative country of removal",
         "venue": "the motion to change venue", "continue": "the motion for a continuance",
         "home": "the record of the respondent's individual hearing"}[v], F["prior"])
    s = [intro]
    if nat:
        s.append(nat_sentence(d, F, nat))
    else:
        d.tag("no-nationality-stated")
    if v == "grant":
        X = d.pick([c for c in W.ACA if c != nat])
        d.propose(X)
        s.append("The Court finds that the Asylum Cooperative Agreement with %s is in force, applies to the "
                 "respondent, and that no exception has been shown. %s; %s." % (d.c(X, "removal"), INA208, CIGM))
        d.para(" ".join(s))
        orders = ["it is HEREBY ORDERED that the motion to pretermit is GRANTED;",
                  "it is FURTHER ORDERED that the application for asylum is PRETERMITTED; and",
                  d.pick(["it is FURTHER ORDERED that the respondent be removed from the United States to %s.",
                          "it is HEREBY ORDERED that the respondent be removed to %s."]) % d.c(X, "removal")]
    elif v == "alt":
        X = d.pick([c for c in W.THIRD if c != nat])
        if nat:
            d.propose(nat, X)
            d.tag("nationality-also-removal")
        else:
            d.propose(X)
        d.para(" ".join(s))
        if nat:
            last = ("it is HEREBY ORDERED that the respondent be removed to %s, or in the alternative to %s."
                    % (d.c(nat, "removal"), d.c(X, "removal")))
        else:
            last = "it is HEREBY ORDERED that the respondent be removed to %s." % d.c(X, "removal")
        orders = ["it is ORDERED that %s is designated as the alternative country of removal;" % d.c(X, "removal"),
                  last]
        d.tag("in-the-alternative")
    elif v == "home":
        d.propose(nat)
        d.tag("nationality-also-removal")
        d.para(" ".join(s) + " The respondent's applications for relief were denied for the reasons stated "
               "on the record.")
        orders = ["it is HEREBY ORDERED that the respondent be removed from the United States to %s on the "
                  "charge contained in the Notice to Appear." % d.c(nat, "removal")]
    elif v == "deny":
        X = d.pick([c for c in W.ACA if c != nat])
        s.append("DHS asked the Court to pretermit the asylum application and to order the respondent removed "
                 "to %s under the ACA. DHS did not establish that the agreement had taken effect before the "
                 "respondent arrived." % d.c(X, "denied"))
        d.para(" ".join(s))
        orders = ["it is HEREBY ORDERED that the DHS motion to pretermit is DENIED; and",
                  "it is FURTHER ORDERED that the matter proceed to an individual hearing on %s." % F["hearing"]]
        d.tag("order-denies-proposal")
    elif v == "venue":
        dest = d.pick(["Lumpkin, Georgia", "Folkston, Georgia", "Chaparral, New Mexico"])
        d.para(" ".join(s))
        orders = ["it is HEREBY ORDERED that the motion is GRANTED and venue is changed to the Immigration Court "
                  "in %s." % d.place(dest)]
        d.tag("change-venue-us-places")
    else:
        d.para(" ".join(s))
        orders = ["it is HEREBY ORDERED that the motion is GRANTED and the hearing is continued to %s." %
                  F["hearing"]]

    def f(L, orders=orders):
        L.gap(4)
        for t in orders:
            L.para(t, indent=0, left=36, leading=L.single * 1.2, justify=False)
            L.gap(3)
    d.op(f)
    if v in ("grant", "home", "alt") and d.chance(0.5):
        d.line("Appeal: Due by %s.   Appeal waived:  ____ DHS  ____ Respondent" % F["appeal"],
               leading=14)
    B.signature(d, F, "court", F["date"])
    B.court_service(d, F["date"])


def s_other(d):
    d.motion_type = "other"
    filer = d.pick(["dhs", "dhs", "respondent"])
    nat = nat_pick(d, p_none=0.5)
    F = start(d, filer, nat)
    if filer == "dhs":
        B.title(d, d.pick(["DHS NOTICE OF FILING OF COUNTRY CONDITIONS EVIDENCE",
                           "DHS WITNESS AND EXHIBIT LIST", "NOTICE OF FILING OF RECORD OF CONVICTION"]))
    else:
        B.title(d, d.pick(["RESPONDENT'S SUBMISSION OF SUPPLEMENTAL EVIDENCE", "RESPONDENT'S WITNESS LIST",
                           "NOTICE OF FILING OF SUPPORTING DOCUMENTS"]))
    s = ["The %s submits the documents listed below for the hearing on %s." % (
        "Department of Homeland Security" if filer == "dhs" else "respondent", F["hearing"])]
    if nat:
        s.append(nat_sentence(d, F, nat))
    else:
        d.tag("no-nationality-stated")
    d.para(" ".join(s))
    codes = d.sample([c for c in ["HN", "GT", "MX", "CO", "PA", "EC"] if c != nat], d.rng.randrange(2, 4))
    if nat:
        codes = [nat] + codes
    items = ["Tab %s   Country report on human rights practices: %s (2024)" % ("ABCDE"[i], d.c(c, "mention"))
             for i, c in enumerate(codes)]

    def f(L, items=items):
        for t in items:
            L.line(t, indent=24, leading=L.single * 1.3)
        L.gap(6)
    d.op(f)
    d.tag("other-filing-type")
    B.signature(d, F, filer, F["date"])
    B.certificate(d, F, filer, F["date"], "filing")


def s_british_honduras(d):
    """Nationality Belize stated through 'British Honduras'; DHS pretermit to Honduras or Guatemala."""
    d.motion_type = "pretermit"
    X = d.pick(["HN", "GT"])
    F = start(d, "dhs", "BZ")
    B.title(d, pretermit_title(d))
    d.propose(X)
    d.tag("british-honduras")
    d.para(intro_pretermit(d, F))
    d.para("The respondent was born in Belize City, %s, in 1979, before the colony's independence, and is a "
           "citizen of %s. %s" % (d.mention("BZ", "nationality", "British Honduras"), d.c("BZ", "nationality"),
                                  entry_sentence(d, F)))
    d.para(legal_standard(d))
    d.c(X, "removal")
    removal_paragraph(d, F, X, d.pick(["request", "proposes", "should"]), hyph=d.chance(0.3))
    B.signature(d, F, "dhs", F["date"])
    B.certificate(d, F, "dhs", F["date"], "motion")


# ---------------------------------------------------------------------------
# The plan: how many filings of each kind in a set of 96 (scaled for other sizes)
PLAN = [
    ("pretermit_single", s_pretermit, {"variant": "single"}, 12),
    ("pretermit_exhibit", s_pretermit, {"variant": "single", "exhibit": True}, 3),
    ("pretermit_multi", s_pretermit, {"variant": "multi"}, 4),
    ("pretermit_alt", s_pretermit, {"variant": "alt"}, 4),
    ("pretermit_car", s_pretermit, {"variant": "car"}, 4),
    ("pretermit_page2", s_pretermit, {"variant": "page2"}, 3),
    ("pretermit_british_honduras", s_british_honduras, {}, 1),
    ("designate_third", s_designate, {"variant": "third"}, 5),
    ("designate_pair", s_designate, {"variant": "pair"}, 5),
    ("designate_primary", s_designate, {"variant": "primary"}, 2),
    ("dismiss", s_dismiss, {}, 4),
    ("terminate", s_terminate, {}, 3),
    ("change_venue", s_change_venue, {}, 5),
    ("continuance", s_continuance, {}, 4),
    ("reopen", s_reopen, {}, 3),
    ("reconsider", s_reconsider, {}, 3),
    ("remand", s_remand, {}, 3),
    ("recalendar", s_recalendar, {}, 3),
    ("mpp", s_mpp, {}, 4),
    ("opposition_respondent", s_opp_resp, {}, 7),
    ("opposition_dhs", s_opp_dhs, {}, 2),
    ("order", s_order, {}, 9),
    ("other", s_other, {}, 3),
]


def plan(n):
    """Kinds for n filings: smooth weighted round-robin, so that any prefix of
    the plan is proportioned like the whole (and n = 96 gives PLAN's counts)."""
    total = sum(p[3] for p in PLAN)
    cur = [0] * len(PLAN)
    seen = [0] * len(PLAN)
    out = []
    for _ in range(n):
        for i, p in enumerate(PLAN):
            cur[i] += p[3]
        best = max(range(len(PLAN)), key=lambda i: (cur[i], -i))
        cur[best] -= total
        out.append((best, seen[best]))
        seen[best] += 1
    return out


FORMATS = [("pdf-scan", 0.62), ("tiff", 0.12), ("png", 0.07), ("jpeg", 0.07), ("pdf-text", 0.08),
           ("pdf-mixed", 0.04)]  # png/jpeg/mixed fall back to pdf-scan when the filing does not suit them


def format_plan(n, seed):
    """Formats for n filings in FORMATS' proportions (largest remainder), in a
    seeded random order, so every set gets the intended mix."""
    import random
    quota = [(f, p * n) for f, p in FORMATS]
    counts = {f: int(q) for f, q in quota}
    rest = sorted(quota, key=lambda fq: -(fq[1] - int(fq[1])))
    for f, _ in rest[: n - sum(counts.values())]:
        counts[f] += 1
    out = [f for f, _ in FORMATS for _ in range(counts[f])]
    random.Random("evalset-formats:%s" % seed).shuffle(out)
    return out


def compose(seed, index, which, occurrence=0, fmt="pdf-scan"):
    kind, fn, kw, _ = PLAN[which]
    d = Doc(seed, index, kind)
    d.occurrence = occurrence
    d.fmt = fmt
    fn(d, **kw)
    return d
