"""Caption blocks: the court heading, the respondent and A-number in one of
several layouts (the ')' bracket column, inline labels, a ruled table, a
family caption), attorney blocks and signature blocks.

A block is a tuple; tools/evalset2/layout.py sets them:
  ("center", text, font)         centred, wrapped; font "R", "B" or "I"
  ("lines", [text], font, align) one line each, "left" or "right"
  ("para", text, indent)         a wrapped paragraph
  ("bracket", [(left, right)])   two columns split by a ')' column
  ("table", [(label, value)])    a ruled two-column box
  ("gap", points) ("rule",) ("break",)
  ("sig", [lines])               a pen signature above the lines
  ("check", checked, text)       a checkbox line
"""

from . import vocab
from .people import a_number_text


def court_heading(doc, p):
    rng = doc.rng
    city, st, state, street = p.court
    if city == "Atlanta" or state == "Georgia":
        doc.roles.append({"code": "GE", "role": "not_country", "text": "Georgia"})
        doc.hard("georgia-court")
    k = rng.randrange(4)
    if k == 0:
        return [("center", "UNITED STATES DEPARTMENT OF JUSTICE", "B"),
                ("center", "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW", "B"),
                ("center", "IMMIGRATION COURT", "B"),
                ("center", "%s, %s" % (city.upper(), state.upper()), "B"), ("gap", 10)]
    if k == 1:
        return [("center", "U.S. Department of Justice", "R"),
                ("center", "Executive Office for Immigration Review", "R"),
                ("center", "Immigration Court", "R"),
                ("center", "%s, %s %05d" % (street + ", " + city, st, 10000 + rng.randrange(89999)), "R"),
                ("gap", 10)]
    if k == 2:
        return [("center", "UNITED STATES DEPARTMENT OF JUSTICE", "B"),
                ("center", "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW", "B"),
                ("center", "%s IMMIGRATION COURT" % city.upper(), "B"), ("gap", 10)]
    return [("center", "IMMIGRATION COURT", "B"),
            ("center", "%s, %s" % (city.upper(), st), "B"), ("gap", 10)]


def _anum(doc, p, style=None):
    """The caption's A-number as printed: redacted for a few filings (then the truth is null)."""
    if p.redacted:
        doc.hard("redacted-a-number-only")
        return doc.rng.choice(["AXXX XXX %s", "A-XXX-XXX-%s", "AXXX-XXX-%s"]) % p.a_numbers[0][-3:]
    if p.a_numbers[0].startswith("0"):
        doc.hard("eight-digit-a-number")
    return a_number_text(p.a_numbers[0], doc.rng, style)


def _anum_label(doc, p):
    rng = doc.rng
    labels = ["File No.:", "File No.", "A#:", "A-Number:", "Alien Registration No.", "Agency No.", "File Number:", ""]
    lab = rng.choice(labels)
    if lab == "Alien Registration No." and not p.redacted:
        doc.hard("alien-registration-no")
        return "%s %s" % (lab, a_number_text(p.a_numbers[0], rng, "digits-dash"))
    if lab == "A#:":
        doc.hard("a-hash-label")
    if not lab:
        return _anum(doc, p)
    style = rng.choice(["sp-dash", "nosp-sp", "dash", "compact-dash", "spaces", "plain"])
    return "%s %s" % (lab, _anum(doc, p, style))


def _detained_word(p):
    if p.detained is None:
        return ""
    return "DETAINED" if p.detained else "NON-DETAINED"


def _proceeding(rng):
    return rng.choice(["IN REMOVAL PROCEEDINGS", "In Removal Proceedings", "IN REMOVAL PROCEEDINGS",
                       "In Asylum-Only Proceedings", "In Withholding-Only Proceedings"])


def caption(doc, p):
    """The caption block after the heading; records hard-case tags."""
    rng = doc.rng
    name, tag = p.name_forms()
    doc.hard("name-" + tag)
    if p.family:
        return _family_caption(doc, p, name)
    k = rng.randrange(5)
    det = _detained_word(p)
    if k in (0, 1):
        doc.hard("bracket-column")
        rows = [("In the Matter of:", ""), ("", ""), (name, _anum_label(doc, p)), ("", ""),
                ("Respondent.", _proceeding(rng))]
        if det:
            doc.hard("detained-in-bracket")
            rows.insert(0, ("", det))
        if k == 1:
            rows.append(("", "Immigration Judge: %s" % p.judge))
            rows.append(("", "Next Hearing Date: %s" % p.date(p.hearing, "long")))
            doc.hard("next-hearing-line")
            doc.truth["hearing_date"] = p.hearing.isoformat()
        return [("bracket", rows), ("gap", 12)]
    if k == 2:
        doc.hard("dallas-template")
        city = p.court[0].upper()
        rows = [("%s IMMIGRATION COURT" % city, det or ""), ("In the Matter of:", ""), ("", ""),
                (name, _anum(doc, p)), ("", ""), ("", "In Removal Proceedings")]
        return [("bracket", rows), ("gap", 12)]
    if k == 3:
        doc.hard("inline-matter-of")
        out = [("lines", ["In the Matter of: %s" % name], "B", "left"),
               ("lines", [_anum_label(doc, p)], "R", "left"),
               ("lines", [_proceeding(rng)], "R", "left")]
        if det:
            out.insert(0, ("lines", [det], "B", "right"))
        if rng.random() < 0.5:
            out.append(("lines", ["Next Hearing: %s at %s" % (p.date(p.hearing, "slash"), p.hearing_time)],
                        "R", "left"))
            doc.hard("next-hearing-line")
            doc.truth["hearing_date"] = p.hearing.isoformat()
        return out + [("gap", 10)]
    doc.hard("ruled-table-caption")
    rows = [("Respondent:", name), ("A-Number:", _anum(doc, p, rng.choice(["sp-dash", "nosp-sp", "dash", "plain"]))),
            ("Immigration Judge:", p.judge)]
    if det:
        rows.append(("Custody Status:", det.title()))
    if rng.random() < 0.6:
        rows.append(("Next Hearing Date:", "%s, %s" % (p.date(p.hearing, "slash"), p.hearing_time)))
        doc.truth["hearing_date"] = p.hearing.isoformat()
        doc.hard("next-hearing-line")
    return [("table", rows), ("gap", 12)]


def _family_caption(doc, p, name):
    rng = doc.rng
    doc.hard("family-several-a-numbers")
    nums = [a_number_text(a, rng, "sp-dash") for a in p.a_numbers]
    rows = [("In the Matter of:", ""), (name + ", et al.", "File Nos.: %s" % nums[0])]
    rows += [("", n) for n in nums[1:]]
    rows += [("", ""), ("Respondents.", "IN REMOVAL PROCEEDINGS")]
    det = _detained_word(p)
    if det:
        rows.insert(0, ("", det))
    return [("bracket", rows), ("gap", 12)]


def dhs_block(doc, p):
    rng = doc.rng
    city, st, state, street = p.court
    lines = [p.dhs_atty, rng.choice(["Assistant Chief Counsel", "Senior Attorney", "Associate Legal Advisor"]),
             rng.choice(["Office of the Chief Counsel - %s" % city, "Office of the Principal Legal Advisor"]),
             "U.S. Immigration and Customs Enforcement", "U.S. Department of Homeland Security",
             rng.choice(["%s, %s, %s" % (street.split(",")[0], city, st), "%s, %s" % (city, st)]),
             "Tel. (%03d) 555-%04d" % (rng.randrange(201, 989), rng.randrange(10000))]
    if rng.random() < 0.25:
        doc.hard("on-behalf-of-service")
        lines.insert(0, "ON BEHALF OF SERVICE:")
    return [("lines", lines, "R", "left"), ("gap", 14)]


def resp_block(doc, p):
    rng = doc.rng
    atty, firm = p.resp_atty
    lines = [atty, firm, rng.choice(vocab.STREETS[-2:]),
             "%s, %s" % (p.court[0], p.court[1]),
             "EOIR ID: %s%06d" % (rng.choice(["AB", "KX", "QR"]), rng.randrange(10 ** 6)),
             rng.choice(["Attorney for Respondent", "Counsel for the Respondent", "Pro Bono Counsel for Respondent"])]
    return [("lines", lines, "R", "left"), ("gap", 14)]


def signature(doc, p, who, date_first=None):
    """Signature block; the date line is the filing's signature date."""
    rng = doc.rng
    date = p.date(p.filed)
    doc.truth["filed_date"] = p.filed.isoformat()
    head = [("gap", 10), ("lines", [rng.choice(["Respectfully submitted,", "Respectfully submitted,",
                                                 "Dated this %s." % p.date(p.filed, "day")])], "R", "left")]
    if who == "dhs":
        lines = ["%s" % p.dhs_atty, "Assistant Chief Counsel", "U.S. Immigration and Customs Enforcement"]
    else:
        lines = [p.resp_atty[0], p.resp_atty[1], "Counsel for Respondent"]
    tail = [("lines", ["Date: %s" % date], "R", "left")]
    return head + [("sig", lines)] + tail


def certificate(doc, p, who):
    rng = doc.rng
    d = p.filed if rng.random() < 0.7 else p.received
    k = rng.randrange(3)
    if "filed_date" not in doc.truth:
        doc.truth["filed_date"] = d.isoformat()
    if k == 0:
        body = ("On %s, I served a copy of this filing and any attached pages on %s through ECAS."
                % (p.date(d), "the Respondent's counsel of record" if who == "dhs" else
                   "the Office of the Chief Counsel, DHS/ICE"))
    elif k == 1:
        body = "I certify that service was completed through ECAS on %s." % p.date(d, "slash")
    else:
        body = ("I hereby certify that on the %s, a true and correct copy of the foregoing was served by first-class "
                "mail on %s at the address of record." % (p.date(d, "day"),
                                                            "the Respondent" if who == "dhs" else "DHS"))
    return [("gap", 18), ("center", rng.choice(["CERTIFICATE OF SERVICE", "PROOF OF SERVICE",
                                                 "Certificate of Service"]), "B"),
            ("para", body, True), ("sig", [p.dhs_atty if who == "dhs" else p.resp_atty[0]])]
