"""The parts of a filing around its body: header block, caption, matter block,
title, signature, certificate of service, proposed order, exhibit and cover page.

Each function takes the Doc and appends layout ops; the variants are chosen with
the Doc's random generator.  samplegen.content supplies some of the boilerplate
(imported, not copied).
"""

from samplegen import content as C
from samplegen import layout as LY

from . import world as W

INA208 = "INA \u00a7 208(a)(2)(A), 8 U.S.C. \u00a7 1158(a)(2)(A)"
CIGM = "<i>Matter of C-I-G-M- & L-V-S-G-</i>, 29 I&N Dec. 291 (BIA 2025)"
CARR = "<i>Matter of C-A-R-R-</i>, 29 I&N Dec. 13 (BIA 2025)"


def width(text, size=12, bold=False):
    runs = LY.merge_runs(LY.parse_markup(text, "B" if bold else "R"))
    return LY.metrics().width(runs, size)


# ---------------------------------------------------------------------------
# Detention marker
def marker_text(d):
    if d.detained is None:
        return None
    t = "DETAINED" if d.detained else "NON-DETAINED"
    r = d.rng.random()
    if r < 0.12:
        return "[%s]" % t
    if r < 0.2:
        return "** %s **" % t
    return t


# ---------------------------------------------------------------------------
# Header blocks (top left)
def dhs_header(d, F, marker):
    """DHS attorney block; marker at the top right of its first row (or None)."""
    office = F["office"]
    st = F["court"][2]
    street = F["street"]
    city_line = "%s, %s %s" % (F["office_city"], st, W.ZIPS.get(st, "00000"))
    v = d.rng.randrange(4)
    if v == 0:
        d.op(lambda L: C.dhs_block(L, F["dhs_atty"], office, street, city_line, marker=marker,
                                   title=F["dhs_title"]))
        return
    if v == 1:
        rows = [F["dhs_atty"] + ", " + F["dhs_title"], "Office of the Principal Legal Advisor",
                "U.S. Immigration and Customs Enforcement", "Department of Homeland Security",
                street, city_line, "Tel. (%s) 555-0%03d" % (F["area"], d.rng.randrange(100, 999))]
    elif v == 2:
        rows = ["DEPARTMENT OF HOMELAND SECURITY", "U.S. Immigration and Customs Enforcement",
                "Office of the Chief Counsel, " + office, street, city_line, "",
                "Attorney for DHS: " + F["dhs_atty"]]
    else:
        rows = [F["dhs_atty"], F["dhs_title"], "ICE Office of the Chief Counsel",
                "U.S. Department of Homeland Security", street, city_line]

    def f(L, rows=rows, marker=marker):
        for i, t in enumerate(rows):
            cells = [(0, t, "left")] if t else []
            if i == 0 and marker:
                cells.append((L.frame_w, marker, "right", True))
            L.row(cells)
        L.gap(6)
    d.op(f)


def counsel_header(d, F, marker):
    if F.get("pro_se"):
        rows = ["%s, pro se" % F["resp_display_name"], d.a_display,
                F["facility"] or F["court"][0] + " area", "%s, %s" % (F["court"][0], F["court"][2])]
    else:
        rows = [F["counsel"] + ", Esq.", F["org"], F["counsel_street"], F["counsel_city"],
                d.pick(["Counsel for the Respondent", "Attorney for Respondent",
                        "Pro Bono Counsel for Respondent"])]
        if d.chance(0.5):
            rows.insert(4, "EOIR ID: %s%06d" % (d.pick(["ZX", "KT", "QP", "MV"]), d.rng.randrange(10 ** 6)))

    def f(L, rows=rows, marker=marker):
        for i, t in enumerate(rows):
            cells = [(0, t, "left")]
            if i == 0 and marker:
                cells.append((L.frame_w, marker, "right", True))
            L.row(cells)
        L.gap(6)
    d.op(f)


# ---------------------------------------------------------------------------
# Caption
def caption(d, F, bia=False, address=False):
    city, state, st, cname, _fac, _det = F["court"]
    if bia:
        body = "BOARD OF IMMIGRATION APPEALS"
        city_line = "FALLS CHURCH, VIRGINIA"
        d.court = "Falls Church, VA"
        lines = ["UNITED STATES DEPARTMENT OF JUSTICE", "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW", body,
                 city_line]
    else:
        d.court = "%s, %s" % (city, st)
        if address:
            lines = ["UNITED STATES DEPARTMENT OF JUSTICE", "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW",
                     "IMMIGRATION COURT", F["court_street"].upper(),
                     "%s, %s %s" % (city.upper(), st, W.ZIPS.get(st, "00000"))]
        else:
            v = d.rng.random()
            if cname and v < 0.5:
                body = cname.upper()
            elif v < 0.7:
                body = "UNITED STATES IMMIGRATION COURT"
            else:
                body = "IMMIGRATION COURT"
            r = d.rng.random()
            if r < 0.7:
                city_line = "%s, %s" % (city.upper(), state.upper())
            elif r < 0.85:
                city_line = "%s, %s" % (city, state)
            else:
                city_line = "%s, %s" % (city.upper(), st)
            if city_line.endswith(state) or city_line.endswith(state.upper()):
                d.place(city_line)
            lines = ["UNITED STATES DEPARTMENT OF JUSTICE", "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW",
                     body, city_line]
    bold = d.chance(0.75)

    def f(L, lines=lines, bold=bold):
        L.gap(6)
        for t in lines:
            L.line(t, align="center", bold=bold, leading=L.single)
        L.gap(12)
    d.op(f)


# ---------------------------------------------------------------------------
# Matter block
def matter(d, F, marker=None, judge=True, hearing=True):
    label = F["a_label"]
    a = label + d.a_display if label else d.a_display
    proceedings = F["proceedings"]
    name = d.respondent
    judge_t = ("Immigration Judge: " + F["judge"]) if judge and F.get("judge") else None
    hear_t = ("Next Hearing: " + F["hearing"]) if hearing and F.get("hearing") else None
    party = d.pick(["Respondent.", "Respondent", "Respondent(s)."])
    # weighted as seen in filings: the ICPM paren caption is the most common
    head = d.pick(["In the Matter of:"] * 10 + ["IN THE MATTER OF:"] * 4 + ["In the Matter of"] * 3
                  + ["Matter of:"] * 3)
    st = d.pick(["paren"] * 10 + ["stack"] * 4 + ["center"] * 3 + ["table"] * 3)
    if st == "paren" and width(name, bold=True) > 215:
        st = "stack"

    def judge_rows(L):
        if judge_t or hear_t:
            L.gap(8)
            cells = []
            if judge_t:
                cells.append((0, judge_t, "left"))
            if hear_t:
                cells.append((L.frame_w, hear_t, "right"))
            if judge_t and hear_t and width(judge_t) + width(hear_t) > L.frame_w - 20:
                L.row([cells[0]])
                L.row([(0, hear_t, "left")])
            else:
                L.row(cells)

    if st == "paren":
        rules = d.chance(0.4)

        def f(L):
            mid, right = 228, 246
            lrows = [head, "", name, "", party]
            rrows = ["", a, "", proceedings, marker or ""]
            if rules:
                L.rule_here(-2)
                L.gap(4)
            for lft, rgt in zip(lrows, rrows):
                cells = [(0, lft, "left", lft == name), (mid, ")", "left")]
                if rgt:
                    cells.append((right, rgt, "left", rgt == marker))
                L.row(cells)
            if rules:
                L.gap(4)
                L.rule_here(0)
                L.gap(2)
            judge_rows(L)
            L.gap(14)
    elif st == "stack":
        def f(L):
            L.line("%s <b>%s</b>" % (head, name), leading=L.single)
            L.line(a, leading=L.single)
            L.line(proceedings, leading=L.single)
            if judge_t:
                L.line(judge_t, leading=L.single)
            if hear_t:
                L.line(hear_t, leading=L.single)
            if marker:
                L.line(marker, bold=True, leading=L.single)
            L.gap(14)
    elif st == "table":
        lab = label.rstrip(" ") if label else "A-Number:"
        num = d.a_display

        def f(L):
            L.row([(0, "Respondent:", "left"), (110, name, "left", True)])
            L.row([(0, lab if lab.endswith(":") else lab + ":", "left"), (110, num, "left")])
            L.row([(0, "Proceedings:", "left"), (110, proceedings.replace("In ", "", 1), "left")])
            if marker:
                L.row([(0, "Custody:", "left"), (110, marker, "left", True)])
            judge_rows(L)
            L.gap(14)
    else:
        def f(L):
            L.line(head.upper().rstrip(":"), align="center", bold=True, leading=L.single)
            L.line(name, align="center", bold=True, leading=L.single)
            L.line(a, align="center", leading=L.single)
            L.line(proceedings.upper(), align="center", leading=L.single)
            if marker:
                L.line(marker, align="center", bold=True, leading=L.single)
            judge_rows(L)
            L.gap(12)
    d.op(f)


def title(d, text):
    d.title = text

    def f(L, t=text):
        L.para(t, indent=0, align="center", bold=True, leading=L.single * 1.1, justify=False)
        L.gap(10)
    d.op(f)


# ---------------------------------------------------------------------------
# Signature and certificate
def signature(d, F, who, date):
    if who == "dhs":
        name, lines = F["dhs_atty"], [F["dhs_title"], "U.S. Immigration and Customs Enforcement"]
        if d.chance(0.4):
            lines = [F["dhs_title"]]
    elif who == "respondent":
        if F.get("pro_se"):
            name, lines = F["resp_display_name"], ["Respondent, pro se"]
        else:
            name, lines = F["counsel"] + ", Esq.", [d.pick(["Counsel for Respondent",
                                                           "Attorney for the Respondent"])]
    else:
        name, lines = F["judge"].replace("Hon. ", ""), ["Immigration Judge"]
    closing = d.pick(["Respectfully submitted,", "Respectfully,", "Submitted by:", "Respectfully submitted,"])
    compact = d.chance(0.5)
    wet = who == "court" or (who == "respondent" and d.chance(0.3))
    if who == "court":
        d.op(lambda L: C.signature(L, date, name, lines, wet=True, closing="", dated_first=True,
                                   compact=True))
    else:
        d.op(lambda L: C.signature(L, date, name, lines, wet=wet, closing=closing, compact=compact))


def certificate(d, F, who, date, doc_name, new_page=False):
    if who == "dhs":
        server = F["dhs_atty"]
        to = d.pick(["counsel for the respondent", "the respondent's attorney of record",
                     "the respondent, in care of the custodial officer" if d.detained else
                     "the respondent at the address on file"])
    else:
        server = F["counsel"] if not F.get("pro_se") else F["resp_display_name"]
        to = d.pick(["the Office of the Chief Counsel", "ICE Office of the Principal Legal Advisor",
                     "DHS counsel"])
    v = d.rng.randrange(4)
    if v == 0:
        body = ("I hereby certify that on %s I caused a copy of this %s to be served on %s "
                "electronically through the EOIR Courts & Appeals System (ECAS)." % (date, doc_name, to))
    elif v == 1:
        body = ("On %s, the undersigned served %s with the foregoing %s by uploading it to ECAS."
                % (date, to, doc_name))
    elif v == 2:
        body = ("A true copy of the %s was delivered to %s on %s by first-class mail, postage prepaid."
                % (doc_name, to, date))
    else:
        d.op(lambda L: C.certificate_ecas(L, date, doc_name, server, to, new_page=new_page,
                                          compact=True))
        return
    heading = d.pick(["CERTIFICATE OF SERVICE", "CERTIFICATE OF SERVICE", "PROOF OF SERVICE"])

    def f(L):
        if new_page:
            L.page_break()
        else:
            L.keep(L.single * 8)
            L.gap(8)
        L.line(heading, align="center", bold=True, leading=L.single * 1.3)
        L.para(body, leading=L.single * 1.15)
        L.gap(4)
        L.row([(0, "Date: " + date, "left"), (234, "/s/ " + server, "left")])
    d.op(f)


def court_service(d, date):
    staff = d.pick(["R.T.", "J.M.", "A.K.", "L.S."])

    def f(L):
        L.gap(6)
        L.line("CERTIFICATE OF SERVICE", align="center", bold=True, leading=L.single)
        L.line("This document was served by:  [ ] Mail   [ ] Personal Service   [X] Electronic Service",
               size=10, leading=L.single)
        L.line("To:  [ ] Noncitizen   [ ] c/o custodial officer   [X] Noncitizen's atty/rep   [X] DHS",
               size=10, leading=L.single)
        L.line("Date: %s      By: Court Staff  %s" % (date, staff),
               size=10, leading=L.single)
    d.op(f)


# ---------------------------------------------------------------------------
# Proposed order page attached to a motion
def proposed_order(d, F, motion_name):
    city, state, st = F["court"][0], F["court"][1], F["court"][2]
    if d.chance(0.5):
        cs = "%s, %s" % (city.upper(), state.upper())
        d.place(cs)
        d.op(lambda L: C.proposed_order_form(L, d.respondent, d.a_display, cs, motion_name))
        return
    # our own "[PROPOSED] ORDER" page; names the proposed country when there is one
    removal = list(d.removal)
    body = ("Upon consideration of the %s, and for good cause shown, it is HEREBY ORDERED that the "
            "motion is  ____ GRANTED   ____ DENIED." % motion_name)
    extra = None
    if removal and d.chance(0.7):
        names = [d.c(c, "removal") for c in removal]
        if len(names) == 1:
            extra = "It is FURTHER ORDERED that the respondent be removed to %s." % names[0]
        else:
            extra = ("It is FURTHER ORDERED that the respondent be removed to %s, or in the "
                     "alternative to %s." % (names[0], " or ".join(names[1:])))

    def f(L):
        L.page_break()
        L.gap(6)
        for t in ("UNITED STATES DEPARTMENT OF JUSTICE", "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW",
                  "IMMIGRATION COURT"):
            L.line(t, align="center", leading=L.single)
        L.line("%s, %s" % (city, st), align="center", leading=L.single)
        L.gap(14)
        L.row([(0, "In the Matter of: " + d.respondent, "left"), (L.frame_w, d.a_display, "right")])
        L.gap(14)
        L.line("[PROPOSED] ORDER", align="center", bold=True)
        L.gap(4)
        L.para(body, indent=36, leading=L.single * 1.4)
        if extra:
            L.para(extra, indent=36, leading=L.single * 1.4)
        L.gap(30)
        L.row([(0, "______________________", "left"), (L.frame_w, "______________________________", "right")])
        L.row([(0, "Date", "left"), (L.frame_w, "Immigration Judge            ", "right")])
    d.op(f)
    d.tag("proposed-order-page")


# ---------------------------------------------------------------------------
# Exhibits
def exhibit_agreements(d, date_line):
    """A page opening with EXHIBIT A that names every ACA partner, several times."""
    def sent(role="exhibit"):
        return [d.c(c, role) for c in W.ACA_ALL]

    a = sent()
    b = sent()
    sv = d.c("SV", "exhibit")
    paras = [
        "<b>ACTION:</b> Notice of the status of bilateral asylum cooperative arrangements.",
        "<b>SUMMARY:</b> The Departments publish the current list of agreements concluded under "
        "section 208(a)(2)(A) of the Immigration and Nationality Act. Agreements have been signed with "
        "%s, %s, %s, %s, %s and %s." % tuple(a),
        "<b>Status.</b> The arrangements with %s, %s, %s and %s are operative. The arrangements with "
        "%s and %s await the exchange of diplomatic notes. The 2019 arrangement with %s remains "
        "suspended and is not applied." % (b[0], b[1], b[2], b[3], b[4], b[5], sv),
        "<b>Application.</b> Whether an operative agreement reaches a particular applicant is decided by "
        "an immigration judge in section 240 proceedings, who may pretermit the application.",
    ]
    if d.chance(0.5):
        lst = "; ".join(d.c(c, "exhibit") for c in W.ACA_ALL)
        paras.append("<b>Partner list.</b> " + lst + ".")

    def f(L):
        L.page_break()
        L.line("EXHIBIT A", align="center", bold=True, size=16, leading=24)
        L.gap(6)
        L.line(date_line, size=9, leading=12)
        L.rule(0, L.frame_w, dy=3)
        L.gap(8)
        L.line("DEPARTMENT OF HOMELAND SECURITY / DEPARTMENT OF JUSTICE", bold=True, size=10, leading=12)
        L.line("Asylum Cooperative Agreements: Status Notice", bold=True, size=10, leading=12)
        L.gap(4)
        for p in paras:
            L.para(p, size=10, leading=12.5, indent=12)
            L.gap(3)
    d.op(f)
    d.tag("exhibit-lists-all-aca-partners")


def exhibit_country_index(d, codes):
    """EXHIBIT A: an index of country-conditions documents (every country a mention)."""
    items = []
    for i, c in enumerate(codes):
        items.append("Tab %s   U.S. Department of State, 2024 Country Report on Human Rights Practices: %s"
                     % ("ABCDEFGH"[i], d.c(c, "exhibit")))

    def f(L):
        L.page_break()
        L.line("EXHIBIT A", align="center", bold=True, size=14, leading=22)
        L.line("Index of Supporting Documents", align="center", leading=L.single * 1.4)
        L.gap(8)
        for t in items:
            L.para(t, indent=0, left=0, size=11, leading=14, justify=False)
            L.gap(2)
    d.op(f)
    d.tag("exhibit-country-index")


# ---------------------------------------------------------------------------
def cover_page(d, F, header, marker, title_text):
    """ICPM cover page: header block, caption, matter block, title; body starts on page 2."""
    header()
    caption(d, F)
    matter(d, F, marker=None)
    d.op(lambda L: L.gap(40))
    title(d, title_text)
    d.page_break()
    d.tag("cover-page")
