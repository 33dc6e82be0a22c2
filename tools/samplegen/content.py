"""Reusable pieces of an immigration-court filing, written onto a Layout.

Everything here is boilerplate shaped after real EOIR filings; the people,
offices' street addresses and numbers are fictional.
"""

COUNTRIES = {
    "BR": "Brazil", "CD": "Democratic Republic of the Congo", "CO": "Colombia", "CU": "Cuba",
    "DO": "Dominican Republic", "EC": "Ecuador", "GT": "Guatemala", "HN": "Honduras",
    "HT": "Haiti", "IN": "India", "MX": "Mexico", "NI": "Nicaragua", "PE": "Peru",
    "PH": "Philippines", "SV": "El Salvador", "UG": "Uganda", "VE": "Venezuela",
}


def country(code):
    return {"code": code, "name": COUNTRIES[code]}


def court_caption(L, city_state, body="IMMIGRATION COURT", bold=True):
    L.gap(6)
    for t in ("UNITED STATES DEPARTMENT OF JUSTICE",
              "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW", body, city_state):
        L.line(t, align="center", bold=bold, leading=L.single)
    L.gap(12)


def dhs_block(L, attorney, office_city, street, city_line, marker=None, title="Assistant Chief Counsel"):
    """Attorney block top-left; DETAINED / NON-DETAINED at the top right."""
    rows = [attorney, title, "Office of the Chief Counsel \u2013 " + office_city,
            "U.S. Immigration and Customs Enforcement",
            "U.S. Department of Homeland Security", street, city_line]
    for i, t in enumerate(rows):
        cells = [(0, t, "left")]
        if i == 0 and marker:
            cells.append((L.frame_w, marker, "right", True))
        L.row(cells)
    L.gap(6)


def counsel_block(L, lines, marker=None):
    for i, t in enumerate(lines):
        cells = [(0, t, "left")]
        if i == 0 and marker:
            cells.append((L.frame_w, marker, "right", True))
        L.row(cells)
    L.gap(6)


def matter_paren(L, respondent, a_display, proceedings="In Removal Proceedings", judge=None,
                 hearing=None, rules=False, party="Respondent."):
    """The classic caption: left column party, ')' down the middle, right column
    file number and kind of proceedings."""
    mid = 228
    right = 246
    left_rows = ["In the Matter of:", "", respondent, "", party]
    right_rows = ["", "File No.: " + a_display, "", proceedings, ""]
    if rules:
        L.rule_here(-2)
        L.gap(4)
    for lft, rgt in zip(left_rows, right_rows):
        L.row([(0, lft, "left", lft == respondent), (mid, ")", "left"), (right, rgt, "left")])
    if rules:
        L.gap(4)
        L.rule_here(0)
        L.gap(2)
    if judge or hearing:
        L.gap(8)
        cells = []
        if judge:
            cells.append((0, "Immigration Judge: " + judge, "left"))
        if hearing:
            cells.append((L.frame_w, "Next Hearing: " + hearing, "right"))
        L.row(cells)
    L.gap(14)


def matter_stack(L, respondent, a_display, proceedings="In Removal Proceedings", judge=None,
                 hearing=None, detained=None):
    L.line("In the Matter of: <b>%s</b>" % respondent, leading=L.single)
    L.line("File No.: " + a_display, leading=L.single)
    L.line(proceedings, leading=L.single)
    if judge:
        L.line("Immigration Judge: " + judge, leading=L.single)
    if hearing:
        L.line("Next Hearing: " + hearing, leading=L.single)
    if detained:
        L.line(detained, bold=True, leading=L.single)
    L.gap(14)


def title(L, text, underline=False):
    L.para(text, indent=0, align="center", bold=True, leading=L.single * 1.1, justify=False)
    L.gap(10)


def heading(L, text, center=False):
    L.keep(L.leading * 3)
    L.line(text, bold=True, align="center" if center else "left")


def signature(L, date, name, lines, wet=False, closing="Respectfully submitted,", left=234,
              dated_first=False, compact=False):
    L.keep(L.single * (len(lines) + 6))
    L.gap(4 if compact else 8)
    if dated_first:
        L.line("Dated: " + date, leading=L.single)
        L.gap(4)
    L.line(closing, indent=left, leading=L.single)
    L.gap(6)
    if wet:
        L.gap(22)
        L.mark("signature", left + 6, L.y - 22, left + 160, L.y + 8)
        L.line("_" * 34, indent=left, leading=L.single)
    elif compact:
        L.line("/s/ " + name, indent=left, leading=L.single)
    else:
        L.line("/s/ " + name, indent=left, leading=L.single)
        L.line("_" * 34, indent=left, leading=L.single * 0.6)
        L.gap(L.single * 0.5)
    L.line(name, indent=left, leading=L.single)
    for t in lines:
        L.line(t, indent=left, leading=L.single)
    if not dated_first:
        L.gap(4)
        L.line("Dated: " + date, indent=left, leading=L.single)


def certificate_ecas(L, date, doc_name, server, to, new_page=False, compact=False):
    if new_page:
        L.page_break()
    else:
        L.keep(L.single * (7 if compact else 12))
        L.gap(6 if compact else 10)
    L.line("CERTIFICATE OF SERVICE", align="center", bold=True, leading=L.single * 1.3)
    L.para(("On %s, I, %s, served a copy of the foregoing %s, and any attached pages, on %s. "
            "Service was completed through ECAS, the EOIR Courts & Appeals System.")
           % (date, server, doc_name, to), leading=L.single * (1.0 if compact else 1.2))
    L.gap(4 if compact else 6)
    if compact:
        L.row([(0, "Date: " + date, "left"), (234, "/s/ " + server, "left")])
        return
    L.row([(234, "/s/ " + server, "left")])
    L.row([(234, server, "left")])
    L.row([(234, "Date: " + date, "left")])


def certificate_mail(L, date, doc_name, server, address_lines):
    L.keep(L.single * (len(address_lines) + 6))
    L.gap(8)
    L.line("CERTIFICATE OF SERVICE", align="center", bold=True)
    L.para("On %s, I, %s, served a copy of this %s and any attached pages on the respondent "
           "by first-class mail, postage prepaid, addressed as follows:" % (date, server, doc_name),
           leading=L.single * 1.2)
    for t in address_lines:
        L.line(t, indent=72, leading=L.single)
    L.gap(6)
    L.row([(0, "Date: " + date, "left"), (234, "/s/ " + server, "left")])


def proposed_order_form(L, respondent, a_display, city_state, motion_name):
    """The EOIR-style proposed order page a party attaches to its motion.
    Its heading reads ORDER OF THE IMMIGRATION JUDGE although the document is
    the motion, not an order."""
    L.page_break()
    court_caption(L, city_state, bold=False)
    L.row([(0, "In the Matter of: " + respondent, "left"), (L.frame_w, "File No.: " + a_display, "right")])
    L.gap(14)
    L.line("ORDER OF THE IMMIGRATION JUDGE", align="center", bold=True)
    L.gap(4)
    L.para("Upon consideration of the %s, it is HEREBY ORDERED that the motion be "
           "____ GRANTED  ____ DENIED because:" % motion_name, indent=0, leading=L.single * 1.3)
    L.gap(4)
    for t in ("DHS does not oppose the motion.",
              "The respondent does not oppose the motion.",
              "A response to the motion has not been filed with the Court.",
              "Good cause has been established for the motion.",
              "The Court agrees with the reasons stated in the opposition to the motion.",
              "The motion is untimely per __________________.",
              "Other: ____________________________________."):
        L.line("____  " + t, indent=18, leading=L.single * 1.3)
    L.gap(24)
    L.row([(0, "______________________", "left"), (L.frame_w, "______________________________", "right")])
    L.row([(0, "Date", "left"), (L.frame_w, "Immigration Judge            ", "right")])
    L.gap(24)
    L.line("Certificate of Service", align="center", bold=True, leading=L.single)
    L.para("This document was served by: [ ] Mail  [ ] Personal Service  [ ] Electronic Service. "
           "To: [ ] Noncitizen  [ ] Noncitizen c/o custodial officer  [ ] Noncitizen's atty/rep  [ ] DHS",
           indent=0, leading=L.single, justify=False)
    L.line("Date: ______________   By: Court Staff ______________", leading=L.single * 1.4)
