"""The rest of the kinds (orders and the other motions), the kind table and
compose(): one filing's Doc with its truth filled in."""

from . import caption as cap
from . import filings as f
from . import vocab
from . import wording as w
from .people import Parties


def k_order(doc, p):
    rng = doc.rng
    x = getattr(p, "fixed_x", None) or rng.choice(vocab.ACA_PARTNERS)
    nat = f._pick_nat(p, rng, [x])
    p.nationality = nat
    k = rng.randrange(3)
    removal = [x] if k == 0 else ([] if k == 1 else [nat, "MX" if nat != "MX" else "GT"])
    doc.truth.update(filer="court", motion_type="order", removal=removal)
    doc.add(*cap.court_heading(doc, p))
    doc.add(*cap.caption(doc, p))
    f._title(doc, ["ORDER OF THE IMMIGRATION JUDGE", "ORDER OF THE IMMIGRATION JUDGE",
                   "SUMMARY ORDER OF THE IMMIGRATION JUDGE", "Order of the Immigration Judge"])
    facts, _ = f._facts(doc, p, nat)
    doc.para("This matter is before the Court on the Department of Homeland Security's motion to pretermit.", facts)
    if k == 0:
        doc.add(("check", True, "DHS's motion to pretermit is GRANTED."), ("check", False, "DENIED."))
        doc.para("It is HEREBY ORDERED that the Respondent be removed to %s pursuant to 8 C.F.R. § 1240.11(h)."
                 % doc.country(x, "removal"))
    elif k == 1:
        doc.hard("order-denies-removal")
        doc.add(("check", False, "DHS's motion to pretermit is GRANTED."),
                ("check", True, "DHS's request that Respondent be removed to %s is DENIED." % doc.country(x, "denied")))
        doc.para("The Respondent's application will proceed to an individual hearing.")
    else:
        doc.hard("order-alternative-country")
        doc.add(("check", True, "Respondent shall be removed from the United States to %s on the charge(s) in the "
                 "Notice to Appear." % doc.country(removal[0], "removal")),
                ("check", True, "In the alternative, to %s." % doc.country(removal[1], "removal")))
    doc.add(("gap", 14), ("sig", [p.judge, "Immigration Judge"]),
            ("lines", ["Date: %s" % p.date(p.filed)], "R", "left"))
    doc.truth["filed_date"] = p.filed.isoformat()
    doc.add(("gap", 14), ("center", "CERTIFICATE OF SERVICE", "B"),
            ("para", "This document was served by: [ ] Mail [ ] Personal Service [X] Electronic Service. "
                     "To: [ ] Noncitizen [X] Noncitizen's atty/rep. [X] DHS. Date: %s. By: Court Staff."
                     % p.date(p.filed, "slash"), False))


def _simple(doc, p, filer, mtype, titles, body, tags=()):
    rng = doc.rng
    nat = f._pick_nat(p, rng)
    p.nationality = nat
    doc.truth.update(filer=filer, motion_type=mtype, removal=[])
    for t in tags:
        doc.hard(t)
    f._head(doc, p, filer)
    f._title(doc, titles)
    facts, entry = f._facts(doc, p, nat)
    doc.para(body, facts, entry)
    for para in w.standard(doc, rng.choice([0, 1]), asylum=False):
        doc.para(para)
    if rng.random() < 0.3:
        doc.para(w.distractor(doc, p, nat, []))
    f._close(doc, p, filer)


def k_recalendar(doc, p):
    filer = doc.rng.choice(["respondent", "dhs"])
    _simple(doc, p, filer, "recalendar",
            ["MOTION TO-RE-CALENDAR", "MOTION TO RECALENDAR PROCEEDINGS", "Motion to Re-Calendar",
             "%s MOTION TO RE-CALENDAR REMOVAL PROCEEDINGS" % ("DHS" if filer == "dhs" else "RESPONDENT'S")],
            "The %s moves the Court to recalendar these administratively closed proceedings under 8 C.F.R. "
            "§ 1003.18(c)." % ("Department" if filer == "dhs" else "Respondent"), ["recalendar-title"])


def k_venue(doc, p):
    other = doc.rng.choice([c for c in vocab.COURTS if c != p.court])
    _simple(doc, p, "respondent", "change_venue",
            ["MOTION TO CHANGE VENUE", "RESPONDENT'S MOTION TO CHANGE VENUE", "Motion to Change Venue"],
            "The Respondent moves to transfer venue from this Court to the %s Immigration Court under 8 C.F.R. "
            "§ 1003.20, because %s now resides in %s, %s." % (other[0], p.pron[0], other[0], other[2]))


def k_continuance(doc, p):
    doc.truth["hearing_date"] = p.hearing.isoformat()
    _simple(doc, p, "respondent", "continuance",
            ["RESPONDENT'S MOTION FOR A CONTINUANCE", "MOTION TO CONTINUE INDIVIDUAL HEARING",
             "Motion for Continuance"],
            "The Respondent asks the Court to continue the individual hearing now set for %s under 8 C.F.R. "
            "§ 1003.29, to allow counsel to prepare." % p.date(p.hearing, "long"))


def k_dismiss(doc, p):
    _simple(doc, p, "dhs", "dismiss",
            ["DHS MOTION TO DISMISS PROCEEDINGS", "MOTION TO DISMISS WITHOUT PREJUDICE",
             "Department of Homeland Security's Motion to Dismiss"],
            "DHS moves to dismiss these proceedings without prejudice under 8 C.F.R. § 239.2(c), so that the "
            "Respondent may be processed for expedited removal under INA § 235(b)(1).")


def k_terminate(doc, p):
    _simple(doc, p, "respondent", "terminate",
            ["RESPONDENT'S MOTION TO TERMINATE PROCEEDINGS", "MOTION TO TERMINATE"],
            "The Respondent moves to terminate these proceedings under 8 C.F.R. § 1003.18(d).")


def k_reopen(doc, p):
    rng = doc.rng
    nat = f._pick_nat(p, rng)
    p.nationality = nat
    kind = rng.choice(["reopen", "reconsider", "remand"])
    titles = {"reopen": ["MOTION TO REOPEN IN ABSENTIA ORDER", "RESPONDENT'S MOTION TO REOPEN"],
              "reconsider": ["MOTION TO RECONSIDER", "RESPONDENT'S MOTION TO RECONSIDER"],
              "remand": ["MOTION TO REMAND", "RESPONDENT'S MOTION TO REMAND TO THE IMMIGRATION JUDGE"]}[kind]
    doc.truth.update(filer="respondent", motion_type=kind, removal=[])
    f._head(doc, p, "respondent")
    f._title(doc, titles)
    facts, _ = f._facts(doc, p, nat)
    doc.hard("history-order-of-removal")
    doc.para(facts, "On %s, the Court ordered the Respondent removed to %s." %
             (p.date(p.filed.replace(year=p.filed.year - 1), "long"), doc.country(nat, "history")),
             "The Respondent now moves the Court to %s under %s." %
             (kind, {"reopen": "INA § 240(c)(7)", "reconsider": "INA § 240(c)(6)", "remand": "8 C.F.R. § 1003.2(c)(4)"}[kind]))
    f._close(doc, p, "respondent")


def k_notice_other(doc, p):
    rng = doc.rng
    filer = rng.choice(["respondent", "dhs"])
    nat = f._pick_nat(p, rng)
    p.nationality = nat
    doc.truth.update(filer=filer, motion_type="other", removal=[])
    f._head(doc, p, filer)
    f._title(doc, ["NOTICE OF FILING SUPPORTING DOCUMENTS", "RESPONDENT'S SUBMISSION OF EVIDENCE"]
             if filer == "respondent" else ["NOTICE OF FILING OF EVIDENCE", "DHS SUBMISSION OF FORM I-213"])
    facts, _ = f._facts(doc, p, nat)
    doc.para(facts, "The %s submits the following documents:" % ("Respondent" if filer == "respondent" else "Department"))
    doc.add(("lines", ["Tab A. Country conditions report, %s (2025)" % doc.country(nat, "background"),
                       "Tab B. Identity documents", "Tab C. Declaration"], "R", "left"))
    f._close(doc, p, filer)


KINDS = [  # (name, function, weight per 100 filings)
    ("pretermit", f.k_pretermit, 22), ("pretermit_incomplete", f.k_pretermit_incomplete, 4),
    ("generic_title", f.k_generic, 6), ("designate", f.k_designate, 9), ("mpp", f.k_mpp, 7),
    ("opposition", f.k_opposition, 10), ("non_opposition", f.k_non_opposition, 3), ("order", k_order, 9),
    ("recalendar", k_recalendar, 5), ("change_venue", k_venue, 4), ("continuance", k_continuance, 5),
    ("dismiss", k_dismiss, 4), ("terminate", k_terminate, 3), ("reopen", k_reopen, 5), ("notice_other", k_notice_other, 4),
]


def deck(rng, n):
    """n kinds with the table's proportions, every kind at least once when n allows, shuffled."""
    total = sum(k[2] for k in KINDS)
    out = []
    for name, _, wt in KINDS:
        out += [name] * max(1, round(n * wt / total))
    rng.shuffle(out)
    while len(out) < n:
        out.append(rng.choices([k[0] for k in KINDS], [k[2] for k in KINDS])[0])
    return out[:n]


def compose(rng, kind, parties=None):
    """One filing of kind; parties (people.Parties) when a stack shares them."""
    fn = {k[0]: k[1] for k in KINDS}[kind]
    p = parties
    if p is None:
        family = rng.random() < 0.08 and kind not in ("order",)
        p = Parties(rng, family=family, detained=rng.choice([None, None, True, False, False]))
    p.rng = rng
    doc = f.Doc(rng, kind)
    doc.parties = p
    fn(doc, p)
    if p.given.split()[0] in ("Chad", "Jordan") or p.surname in ("ISRAEL", "GEORGIA"):
        doc.hard("name-spells-country")
        word = p.given.split()[0] if p.given.split()[0] in ("Chad", "Jordan") else p.surname.title()
        doc.roles.append({"code": {"Chad": "TD", "Jordan": "JO", "Israel": "IL", "Georgia": "GE"}[word],
                          "role": "not_country", "text": word})
    t = doc.truth
    t.update(kind=kind, nationality=p.nationality, a_number=None if p.redacted else p.a_numbers[0], respondent=p.respondent,
             court=p.court_truth, detained=p.detained)
    if p.family:
        t["a_numbers"] = list(p.a_numbers)
    return doc
