"""One filing: its blocks (see caption.py) and its truth.

compose(rng, kind) returns a Doc whose .blocks the layout sets and whose
.truth becomes expected/NAME.json.  KINDS lists every kind with its weight in
a set."""

from . import caption as cap
from . import vocab
from . import wording as w


class Doc:
    def __init__(self, rng, kind):
        self.rng = rng
        self.kind = kind
        self.roles = []
        self.tags = []
        self.truth = {}
        self.blocks = []

    def country(self, code, role, formal=False, demonym=False):
        name, forms, dems = vocab.COUNTRIES[code]
        if demonym:
            text = self.rng.choice(dems)
        elif formal and len(forms) > 1:
            text = self.rng.choice(forms[1:])
            self.hard("formal-country-name")
        else:
            text = forms[0]
        self.roles.append({"code": code, "role": role, "text": text})
        return text

    def hard(self, tag):
        if tag not in self.tags:
            self.tags.append(tag)

    def add(self, *blocks):
        self.blocks.extend(blocks)

    def para(self, *sentences):
        self.blocks.append(("para", " ".join(s for s in sentences if s), True))


def _pick_nat(p, rng, removal=()):
    """The respondent's nationality: the stack's fixed one when set, else drawn."""
    if getattr(p, "fixed_nat", None) and p.fixed_nat not in removal:
        return p.fixed_nat
    pool = vocab.NATIONALITIES_LATAM * 2 + vocab.NATIONALITIES_OTHER
    while True:
        c = rng.choice(pool)
        if c not in removal:
            return c


def _title(doc, options):
    t = doc.rng.choice(options)
    if t != t.upper():
        doc.hard("mixed-case-title")
    doc.truth["title"] = t
    doc.add(("center", t, "B"), ("gap", 8))


def _head(doc, p, filer):
    if filer == "dhs" and doc.rng.random() < 0.7:
        doc.add(*cap.dhs_block(doc, p))
    elif filer == "respondent" and doc.rng.random() < 0.7:
        doc.add(*cap.resp_block(doc, p))
    doc.add(*cap.court_heading(doc, p))
    doc.add(*cap.caption(doc, p))


def _facts(doc, p, nat):
    rng = doc.rng
    who = "The Respondents are" if p.family else "The Respondent is"
    s = "%s %s." % (who, w.nat_clause(doc, p, nat, family=p.family))
    if rng.random() < 0.25 and not p.family:
        doc.hard("nationality-colon-line")
        doc.add(("lines", ["Nationality: %s" % doc.country(nat, "nationality", demonym=True)], "R", "left"))
    entry = rng.choice(["%s entered the United States without inspection on or about %s." %
                        (p.pron[0].capitalize(), p.date(p.filed.replace(year=p.filed.year - 2), "long")),
                        "DHS served a Notice to Appear charging the Respondent as removable under INA "
                        "§ 212(a)(6)(A)(i)."])
    return s, entry


def _distract(doc, p, nat, removal, n):
    return [w.distractor(doc, p, nat, removal) for _ in range(n)]


def _close(doc, p, filer):
    doc.add(*cap.signature(doc, p, filer))
    if doc.rng.random() < 0.75:
        doc.add(*cap.certificate(doc, p, filer))


def _proposed_order(doc, p, motion, removal):
    doc.hard("proposed-order-page")
    doc.add(("break",), ("center", "ORDER OF THE IMMIGRATION JUDGE", "B"), ("gap", 8),
            ("para", "Upon consideration of the %s, it is HEREBY ORDERED that the motion be:" % motion, False),
            ("check", False, "GRANTED"), ("check", False, "DENIED because:"), ("gap", 6))
    if removal:
        names = [doc.country(c, "removal") for c in removal]
        doc.add(("check", False, "The Respondent is ordered removed to %s." % " or, in the alternative, ".join(names)))
    doc.add(("gap", 24), ("lines", ["____________________          ______________________________",
                                    "Date                                       Immigration Judge"], "R", "left"))


def _exhibit(doc, p, exclude):
    doc.hard("exhibit-agreement-list")
    rng = doc.rng
    partners = [c for c in vocab.ACA_PARTNERS if c not in exclude] + ["SV"]
    rng.shuffle(partners)
    names = [doc.country(c, "exhibit") for c in partners[:4]]
    doc.add(("break",), ("center", "EXHIBIT %s" % rng.choice("ABC"), "B"), ("gap", 10),
            ("para", "FEDERAL REGISTER / Notice. Implementation of agreements for cooperation in the examination "
                     "of protection claims. The Departments publish notice of the agreements with %s and %s, "
                     "and the categories of aliens to whom each applies." % (", ".join(names[:-1]), names[-1]),
             True))
    if rng.random() < 0.6:
        doc.hard("redacted-a-number")
        doc.add(("para", "Sample referral: Subject AXXX XXX %03d, referred for a threshold screening interview."
                 % rng.randrange(1000), True))


# ---- the kinds -------------------------------------------------------------

def k_pretermit(doc, p):
    rng = doc.rng
    n = 1 if rng.random() < 0.72 else rng.choice([2, 3])
    removal = rng.sample(vocab.ACA_PARTNERS if n > 1 or rng.random() < 0.8 else vocab.THIRD_COUNTRIES, n)
    if getattr(p, "fixed_x", None):
        removal, n = [p.fixed_x], 1
    nat = _pick_nat(p, rng, removal)
    p.nationality = nat
    doc.truth.update(filer="dhs", motion_type="pretermit", removal=removal)
    _head(doc, p, "dhs")
    _title(doc, ["DEPARTMENT OF HOMELAND SECURITY'S MOTION TO PRETERMIT",
                 "MOTION TO PRETERMIT THE RESPONDENT'S PROTECTION APPLICATIONS",
                 "AMENDED MOTION TO PRETERMIT THE RESPONDENT'S PROTECTION APPLICATIONS",
                 "DEPARTMENT OF HOMELAND SECURITY'S MOTION FOR PRETERMISSION",
                 "DHS MOTION TO PRETERMIT APPLICATION FOR ASYLUM AND WITHHOLDING OF REMOVAL",
                 "Department of Homeland Security's Motion to Pretermit Respondent's Form I-589",
                 "DHS Motion for Pretermission of Asylum Application"])
    doc.para("The Department of Homeland Security (\"DHS\") respectfully moves the Immigration Court to pretermit "
             "the Respondent's Form I-589, Application for Asylum and for Withholding of Removal, pursuant to %s "
             "and %s." % (rng.choice(w.AUTH_PRETERMIT[:2]), w.AUTH_PRETERMIT[2]))
    facts, entry = _facts(doc, p, nat)
    doc.para(facts, entry, *_distract(doc, p, nat, removal, rng.choice([0, 0, 1, 1, 2])))
    for para in w.standard(doc, rng.choice([0, 1, 2])):
        doc.para(para)
    clause = w.aca_clause(doc, p, removal[0]) if n == 1 else w.multi_clause(doc, p, removal)
    doc.para("In %s, the Board held that an Immigration Judge may pretermit an application where the alien may be "
             "removed to a third country under an applicable agreement." % w.CIGM, clause)
    if rng.random() < 0.3:
        doc.para(*_distract(doc, p, nat, removal, 1))
    doc.para("WHEREFORE, DHS respectfully requests that the Court grant this motion.")
    _close(doc, p, "dhs")
    extras = getattr(p, "extras", 0.0)
    if rng.random() < 0.3 + extras:
        _proposed_order(doc, p, "Department of Homeland Security's motion to pretermit", removal)
    if rng.random() < 0.2 + extras:
        _exhibit(doc, p, removal)


def k_pretermit_incomplete(doc, p):
    rng = doc.rng
    nat = _pick_nat(p, rng)
    p.nationality = nat
    doc.truth.update(filer="dhs", motion_type="pretermit", removal=[])
    doc.hard("pretermit-no-country")
    _head(doc, p, "dhs")
    _title(doc, ["DHS MOTION TO PRETERMIT INCOMPLETE APPLICATION",
                 "DEPARTMENT OF HOMELAND SECURITY'S MOTION TO PRETERMIT",
                 "Motion to Pretermit Respondent's Incomplete Form I-589"])
    facts, entry = _facts(doc, p, nat)
    doc.para(facts, entry)
    doc.para("Under %s, an application that is not complete within the meaning of 8 C.F.R. § 1208.3(c)(3) may be "
             "deemed abandoned and pretermitted. The Respondent's application omits the required responses." % w.CARR,
             *_distract(doc, p, nat, [], rng.choice([1, 2])))
    doc.para("DHS therefore moves the Court to pretermit the application.")
    _close(doc, p, "dhs")


def k_generic(doc, p):
    """A generic title ("SUBMISSION", "NOTICE OF FILING") over a body that moves to pretermit or designates."""
    rng = doc.rng
    designate = rng.random() < 0.4
    removal = rng.sample(vocab.ACA_PARTNERS + vocab.THIRD_COUNTRIES[:4], 1)
    nat = _pick_nat(p, rng, removal)
    p.nationality = nat
    doc.hard("generic-title-body-motion")
    doc.truth.update(filer="dhs", motion_type="designate_country" if designate else "pretermit", removal=removal)
    _head(doc, p, "dhs")
    _title(doc, ["DHS SUBMISSION", "DEPARTMENT OF HOMELAND SECURITY'S SUBMISSION", "NOTICE OF FILING",
                 "DHS Notice of Filing"])
    facts, entry = _facts(doc, p, nat)
    doc.para(facts, entry)
    if designate:
        doc.para("DHS hereby gives notice that it designates %s as the country to which the Respondent shall be "
                 "removed, pursuant to INA § 241(b)(2)." % doc.country(removal[0], "removal", formal=rng.random() < .4))
    else:
        doc.para("DHS moves to pretermit the Respondent's application for asylum under %s." % w.AUTH_PRETERMIT[2],
                 w.aca_clause(doc, p, removal[0]))
    doc.para(*_distract(doc, p, nat, removal, 1))
    _close(doc, p, "dhs")


def k_designate(doc, p):
    rng = doc.rng
    nat = _pick_nat(p, rng, ["SZ"])
    p.nationality = nat
    third = rng.choice(vocab.THIRD_COUNTRIES + ["PY", "UG"])
    if third == nat:
        third = "SZ"
    k = rng.randrange(3)
    removal = [third] if k == 0 else ([nat, third] if k == 1 else [third, rng.choice(["MX", "CR", "PA"])])
    if len(set(removal)) < len(removal):
        removal, k = [third], 0
    doc.truth.update(filer="dhs", motion_type="designate_country", removal=removal)
    _head(doc, p, "dhs")
    _title(doc, ["DHS NOTICE OF DESIGNATION OF COUNTRY OF REMOVAL", "MOTION TO DESIGNATE A THIRD COUNTRY OF REMOVAL",
                 "DEPARTMENT OF HOMELAND SECURITY'S DESIGNATION OF ALTERNATE COUNTRY OF REMOVAL",
                 "Notice of Designation of Alternative Country of Removal"])
    facts, entry = _facts(doc, p, nat)
    doc.para(facts, entry, "The Respondent declined to designate a country of removal.")
    if k == 0:
        doc.hard("designate-as-country")
        doc.para("Pursuant to INA § 241(b)(2)(E), DHS designates %s as the country to which the Respondent shall be "
                 "removed." % doc.country(third, "removal", formal=rng.random() < 0.5))
    else:
        doc.hard("alternate-country")
        a, b = (doc.country(removal[0], "removal"), doc.country(removal[1], "removal", formal=rng.random() < 0.4))
        doc.para("DHS designates %s as the country of removal and %s as the %s country of removal." %
                 (a, b, rng.choice(["alternate", "alternative"])))
    doc.para(*_distract(doc, p, nat, removal, rng.choice([0, 1])))
    _close(doc, p, "dhs")


def k_mpp(doc, p):
    rng = doc.rng
    nat = _pick_nat(p, rng, ["MX"])
    p.nationality = nat
    doc.truth.update(filer="dhs", motion_type="mpp", removal=[])
    doc.truth["hearing_date"] = p.hearing.isoformat()
    _head(doc, p, "dhs")
    _title(doc, ["NOTICE OF RETURN TO MEXICO", "NOTICE OF RETURN TO CONTIGUOUS TERRITORY",
                 "RETURN TO CONTIGUOUS TERRITORY - NOTICE TO RESPONDENT",
                 "DHS NOTICE REGARDING RETURN TO CONTIGUOUS TERRITORY"])
    if "MEXICO" in doc.truth["title"]:
        doc.roles.append({"code": "MX", "role": "mpp_return", "text": "Mexico"})
        doc.hard("mpp-title-mexico")
    facts, entry = _facts(doc, p, nat)
    doc.para(facts, entry)
    doc.para(w.mpp_clause(doc, p))
    doc.para("Your hearing is scheduled for %s at %s. You must present yourself at the port of entry at least "
             "four hours before that time." % (p.date(p.hearing, "long"), p.hearing_time))
    doc.add(("lines", ["Address while in contiguous territory:", rng.choice(vocab.MEX_SHELTERS) + ", "
                       + doc.country("MX", "mpp_return")], "R", "left"))
    _close(doc, p, "dhs")


def k_opposition(doc, p):
    rng = doc.rng
    x = getattr(p, "fixed_x", None) or rng.choice(vocab.ACA_PARTNERS)
    nat = _pick_nat(p, rng, [x])
    p.nationality = nat
    doc.truth.update(filer="respondent", motion_type="opposition", removal=[])
    _head(doc, p, "respondent")
    xn = vocab.COUNTRIES[x][1][0].upper()
    _title(doc, ["RESPONDENT'S RESPONSE TO DHS'S MOTION TO PRETERMIT",
                 "RESPONDENT'S OBJECTION TO DHS'S DESIGNATION OF %s AS A COUNTRY OF REMOVAL" % xn,
                 "BRIEF IN OPPOSITION TO THE DEPARTMENT OF HOMELAND SECURITY'S MOTION TO PRETERMIT",
                 "Respondent's Opposition to DHS Motion to Pretermit",
                 "RESPONSE IN OPPOSITION TO DHS MOTION TO PRETERMIT ASYLUM APPLICATION"])
    if xn in doc.truth["title"]:
        doc.roles.append({"code": x, "role": "quoted", "text": vocab.COUNTRIES[x][1][0]})
        doc.hard("country-in-opposition-title")
    doc.hard("opposition-quotes-dhs")
    facts, _ = _facts(doc, p, nat)
    doc.para("%s, through counsel, opposes the motion. DHS asks the Court to pretermit %s application and to order "
             "%s removed to %s." % (p.short().replace("the R", "R"), p.pron[2], p.pron[1], doc.country(x, "quoted")),
             facts)
    doc.para("The Respondent fears persecution in %s and has never set foot in %s. DHS has not shown that the "
             "agreement applies to %s." % (doc.country(nat, "feared"), doc.country(x, "quoted"), p.pron[1]))
    for para in w.standard(doc, rng.choice([1, 2])):
        doc.para(para)
    doc.para("For these reasons, the Court should deny the motion.")
    _close(doc, p, "respondent")


def k_non_opposition(doc, p):
    rng = doc.rng
    p.nationality = nat = _pick_nat(p, rng)
    doc.truth.update(filer="dhs", motion_type="other", removal=[])
    doc.hard("non-opposition")
    _head(doc, p, "dhs")
    _title(doc, ["DHS NOTICE OF NON-OPPOSITION", "DHS NOTICE OF NON-OPPOSITION TO RESPONDENT'S MOTION TO CONTINUE",
                 "DEPARTMENT OF HOMELAND SECURITY'S NOTICE OF NON-OPPOSITION"])
    facts, _ = _facts(doc, p, nat)
    doc.para("DHS does not oppose the Respondent's pending motion.", facts)
    _close(doc, p, "dhs")
