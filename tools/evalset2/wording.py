"""Families of wording.  Each function returns one member of a family, chosen
with the filing's random.Random, and records every country it names, with its
true role, through Doc.country().

Roles: removal, nationality, birthplace, feared, history, impracticable,
mpp_return, background, transit, quoted (an opposition quoting DHS), denied
(an order refusing a removal), exhibit, not_country (a US place or a
person's name that spells a country)."""

from . import vocab

AUTH_PRETERMIT = ["INA § 208(a)(2)(A)", "8 U.S.C. § 1158(a)(2)(A)", "8 C.F.R. § 1240.11(h)",
                  "8 C.F.R. § 1208.30(e)(6)"]
CIGM = "Matter of C-I-G-M- & L-V-S-G-, 29 I&N Dec. 291 (BIA 2025)"
CARR = "Matter of C-A-R-R-, 29 I&N Dec. 13 (BIA 2025)"


def an(word):
    """'a Cuban', 'an Ethiopian'."""
    return ("an " if word[:1].upper() in "AEIOU" else "a ") + word


def nat_clause(doc, p, code, family=False):
    """'a native and citizen of Honduras' and its relatives; returns the phrase."""
    rng = doc.rng
    name = lambda c, role: doc.country(c, role)  # noqa: E731
    dem = lambda c, role: doc.country(c, role, demonym=True)  # noqa: E731
    if family:
        return rng.choice(["natives and citizens of %s", "all natives and citizens of %s",
                           "citizens and nationals of %s"]) % name(code, "nationality")
    k = rng.randrange(9)
    if k == 0:
        return "a native and citizen of %s" % name(code, "nationality")
    if k == 1:
        return "a %s, native and citizen of %s" % ("female" if p.title == "Ms." else "male", name(code, "nationality"))
    if k == 2:
        return "%s national" % an(dem(code, "nationality"))
    if k == 3:
        return "a citizen and national of %s" % name(code, "nationality")
    if k == 4:
        doc.hard("nationality-birthplace-vs-citizenship")
        others = [c for c in vocab.NATIONALITIES_LATAM if c != code]
        born = rng.choice(others)
        return "a native of %s and a citizen of %s" % (name(born, "birthplace"), name(code, "nationality"))
    if k == 5:
        return "a national of %s" % name(code, "nationality")
    if k == 6:
        return "%s citizen" % an(dem(code, "nationality"))
    if k == 7:
        return "a native and citizen of %s" % name(code, "nationality")
    return "a citizen of %s" % name(code, "nationality")


def aca_clause(doc, p, code):
    """A sentence that puts the respondent's removal to one ACA / third country."""
    rng = doc.rng
    who = p.short()
    k = rng.randrange(9)
    if k == 0:
        doc.hard("aca-with-country")
        return ("DHS submits that the Respondent is subject to removal pursuant to the Asylum Cooperative "
                "Agreement with %s." % doc.country(code, "removal"))
    if k == 1:
        doc.hard("formal-agreement-title")
        return ("The Respondent may be removed pursuant to the Agreement between the Government of the United "
                "States of America and the Government of %s for Cooperation in the Examination of Protection "
                "Claims." % doc.country(code, "removal", formal=True))
    if k == 2:
        doc.hard("safe-third-country-apposition")
        return "DHS intends to remove %s to a safe third country, %s." % (who, doc.country(code, "removal"))
    if k == 3:
        doc.hard("designate-as-country")
        return ("DHS hereby designates %s as the country to which the Respondent shall be removed."
                % doc.country(code, "removal"))
    if k == 4:
        return ("Accordingly, the Court should pretermit the application and order the Respondent removed to %s "
                "under 8 C.F.R. § 1240.11(h)." % doc.country(code, "removal"))
    if k == 5:
        return ("%s is a country with which the United States has an Asylum Cooperative Agreement, and %s may be "
                "removed there to pursue protection." % (doc.country(code, "removal"), who))
    if k == 6:
        return ("The Department requests that %s be removed to %s, the third country designated under the "
                "applicable agreement." % (who, doc.country(code, "removal", formal=rng.random() < 0.4)))
    if k == 7:
        doc.hard("ordered-removed")
        return "the Respondent should be ordered removed to %s." % doc.country(code, "removal")
    return ("Under the ACA, an alien in the Respondent's position may be removed to %s, where %s may seek "
            "protection." % (doc.country(code, "removal"), p.pron[0]))


def multi_clause(doc, p, codes):
    """Two or three removal countries, in order."""
    rng = doc.rng
    doc.hard("several-removal-countries")
    names = [doc.country(c, "removal") for c in codes]
    k = rng.randrange(5)
    if k == 0 and len(codes) == 3:
        doc.hard("list-after-full-stop")
        return ("The Respondent is subject to three cooperative agreements. %s, %s, %s. DHS asks that the "
                "Respondent be removed to the first of them that accepts %s." % (names[0], names[1], names[2],
                                                                                 p.pron[1]))
    if k == 1:
        return ("DHS moves that the Respondent be removed to %s, or in the alternative to %s."
                % (names[0], " or ".join(names[1:])))
    if k == 2:
        doc.hard("alternate-country")
        return ("DHS designates %s as the country of removal and %s as the alternate country of removal."
                % (names[0], ", ".join(names[1:])))
    if k == 3:
        return ("The Respondent may be removed to any of the following countries, in this order: %s."
                % ", ".join(names))
    return ("DHS requests an order of removal to %s and, alternatively, to %s, pursuant to the applicable "
            "Asylum Cooperative Agreements." % (names[0], " and ".join(names[1:])))


def distractor(doc, p, nat, exclude):
    """A sentence that names a country but proposes nothing."""
    rng = doc.rng
    k = rng.randrange(7)
    if k == 0:
        doc.hard("impracticable-country")
        return ("Removal to %s is currently impracticable." % doc.country(nat, "impracticable"))
    if k == 1:
        doc.hard("fear-country")
        return ("The Respondent has expressed a fear of return to %s." % doc.country(nat, "feared"))
    if k == 2:
        doc.hard("history-country")
        return ("Records reflect that the Respondent was previously removed to %s in 2019."
                % doc.country("MX" if nat != "MX" else "GT", "history"))
    if k == 3:
        doc.hard("tps-wording")
        n = doc.country(nat, "background")
        return ("The Respondent does not hold Temporary Protected Status, which is available to nationals of "
                "%s (and aliens having no nationality who last habitually resided in %s) only under the "
                "applicable designation." % (n, doc.country(nat, "background")))
    if k == 4:
        doc.hard("background-agreement-list")
        others = [c for c in vocab.ACA_PARTNERS if c not in exclude]
        rng.shuffle(others)
        names = [doc.country(c, "background") for c in others[:3]]
        return ("The United States has also concluded cooperative agreements with %s and %s, which are not "
                "invoked here." % (", ".join(names[:-1]), names[-1]))
    if k == 5:
        doc.hard("transit-countries")
        t = [c for c in ("GT", "MX", "PA", "CR") if c != nat and c not in exclude][:2]
        return ("The Respondent traveled through %s and %s before entering the United States."
                % (doc.country(t[0], "transit"), doc.country(t[1], "transit")))
    doc.hard("new-mexico-place")
    doc.roles.append({"code": "MX", "role": "not_country", "text": "New Mexico"})
    return ("The Respondent was encountered by U.S. Border Patrol near Santa Teresa, New Mexico, on or about "
            "%s." % p.date(p.filed.replace(year=p.filed.year - 1), "long"))


def mpp_clause(doc, p):
    """The return to Mexico to await the hearing, with the citation in between."""
    rng = doc.rng
    doc.hard("mpp-citation-between")
    mx = doc.country("MX", "mpp_return")
    k = rng.randrange(4)
    if k == 0:
        return ("You will be returned to %s pursuant to section 235(b)(2)(C) of the Immigration and Nationality "
                "Act to await your hearing before the Immigration Court." % mx)
    if k == 1:
        return ("The Respondent was returned to %s under INA § 235(b)(2)(C), 8 U.S.C. § 1225(b)(2)(C), to await "
                "the next hearing in these proceedings." % mx)
    if k == 2:
        return ("Pursuant to INA § 235(b)(2)(C), the Respondent may be returned to %s, the contiguous territory "
                "from which %s arrived, to await %s removal proceedings." % (mx, p.pron[0], p.pron[2]))
    return ("DHS gives notice that the Respondent has been returned to %s pending %s hearing, pursuant to "
            "section 235(b)(2)(C) of the Act, and must return to the port of entry on the date below to await "
            "and attend that hearing." % (mx, p.pron[2]))


STANDARDS = [
    "An Immigration Judge may pretermit an application for asylum without an evidentiary hearing where the "
    "record establishes that a mandatory bar applies. The burden is on the applicant to show that the bar does "
    "not apply, and the Court may decide the question on the written record.",
    "Section 208(a)(2)(A) of the Act provides that an alien may not apply for asylum if the Attorney General or "
    "the Secretary determines that the alien may be removed, pursuant to a bilateral or multilateral agreement, to "
    "a country in which the alien's life or freedom would not be threatened and where the alien would have access "
    "to a full and fair procedure for determining a claim to asylum or equivalent temporary protection.",
    "The regulations require the Immigration Judge to determine whether the agreement applies to the alien and, "
    "if so, whether the alien qualifies for an exception. The Respondent bears the burden of establishing, by a "
    "preponderance of the evidence, that an exception applies.",
    "Motions are decided on the written record unless the Court orders otherwise. The opposing party may file a "
    "response within the time the Court sets; a motion that is not opposed may be deemed unopposed.",
    "Counsel has conferred with the opposing party regarding this motion. The requested relief will not prejudice "
    "either party and serves the interests of administrative efficiency.",
]


def standard(doc, n=1, asylum=True):
    """Paragraphs of legal standard: no countries, only length and realism."""
    return doc.rng.sample(STANDARDS if asylum else STANDARDS[3:], n)
