"""The parties of one filing (respondent, family, court, dates) and the ways a
caption prints them.  Every choice comes from the random.Random passed in."""

import datetime

from . import vocab


def fmt_date(d, rng, style=None):
    """A date as filings print it: 'March 3, 2026', '03/03/2026', '3rd day of March, 2026'."""
    style = style or rng.choice(["long", "long", "slash", "slash", "long0", "abbr"])
    if style == "long":
        return "%s %d, %d" % (vocab.MONTHS[d.month - 1], d.day, d.year)
    if style == "long0":
        return "%s %02d, %d" % (vocab.MONTHS[d.month - 1], d.day, d.year)
    if style == "slash":
        return "%02d/%02d/%d" % (d.month, d.day, d.year)
    if style == "abbr":
        return "%s. %d, %d" % (vocab.MONTHS[d.month - 1][:3], d.day, d.year)
    if style == "stamp":
        return "%s %02d %d" % (vocab.MONTHS[d.month - 1][:3].upper(), d.day, d.year)
    if style == "day":
        suf = "th" if 10 <= d.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return "%d%s day of %s, %d" % (d.day, suf, vocab.MONTHS[d.month - 1], d.year)
    raise ValueError(style)


def business_day(d):
    while d.weekday() >= 5:
        d += datetime.timedelta(days=1)
    return d


def a_number_digits(rng):
    """Nine digits; about one in twelve an old eight-digit number (leading 0)."""
    if rng.random() < 0.08:
        return "0" + "%08d" % rng.randrange(10000000, 99999999)
    return "%d" % rng.randrange(200000000, 249999999)


def a_number_text(digits, rng, style=None):
    """One printed form of an A-number (the 8-digit ones sometimes without the 0)."""
    d = digits
    if d.startswith("0") and rng.random() < 0.5:
        d8 = d[1:]
        forms = ["A %s-%s-%s" % (d8[:2], d8[2:5], d8[5:]), "A%s" % d8]
        return rng.choice(forms if style else forms + ["A# %s" % d8])
    style = style or rng.choice(["sp-dash", "nosp-sp", "hash", "dash", "compact-dash", "spaces", "plain"])
    a, b, c = d[:3], d[3:6], d[6:]
    return {
        "sp-dash": "A %s-%s-%s" % (a, b, c),
        "nosp-sp": "A%s %s %s" % (a, b, c),
        "hash": "A# %s%s%s" % (a, b, c),
        "dash": "A-%s-%s-%s" % (a, b, c),
        "compact-dash": "A%s-%s-%s" % (a, b, c),
        "spaces": "A %s %s %s" % (a, b, c),
        "plain": "A%s%s%s" % (a, b, c),
        "digits-dash": "%s-%s-%s" % (a, b, c),
    }[style]


class Parties:
    """Respondent(s), court, judge, DHS and counsel, dates, for one filing."""

    def __init__(self, rng, nationality=None, family=False, detained=None):
        self.rng = rng
        female = rng.random() < 0.45
        self.given = rng.choice(vocab.GIVEN_F if female else vocab.GIVEN_M)
        self.surname = rng.choice(vocab.SURNAMES)
        self.title = "Ms." if female else "Mr."
        self.pron = ("she", "her", "her") if female else ("he", "him", "his")
        n = rng.randint(2, 4) if family else 1
        self.a_numbers = [a_number_digits(rng) for _ in range(n)]
        self.family = family
        self.redacted = not family and rng.random() < 0.03
        self.court = rng.choice(vocab.COURTS)
        self.judge = rng.choice(vocab.JUDGES)
        self.dhs_atty = rng.choice(vocab.DHS_ATTORNEYS)
        self.resp_atty = rng.choice(vocab.RESP_ATTORNEYS)
        self.detained = detained
        self.nationality = nationality
        start = datetime.date(2025, 9, 1)
        self.filed = business_day(start + datetime.timedelta(days=rng.randrange(0, 260)))
        self.received = business_day(self.filed + datetime.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3])))
        self.hearing = business_day(self.filed + datetime.timedelta(days=rng.randrange(14, 120)))
        self.hearing_time = rng.choice(["8:30 AM", "9:00 a.m.", "1:00 PM", "10:30 AM", "1:30 p.m."])

    @property
    def respondent(self):
        """The truth form, "SURNAME, Given"."""
        return "%s, %s" % (self.surname, self.given)

    @property
    def court_truth(self):
        return "%s, %s" % (self.court[0], self.court[1])

    def name_forms(self):
        """The respondent's name as a caption prints it, and a tag."""
        r = self.rng.random()
        if r < 0.45:
            return self.respondent, "surname-first"
        if r < 0.88:
            return "%s %s" % (self.given, self.surname), "given-first"
        if r < 0.94:
            return "%s, %s" % (self.surname, self.given.upper()), "all-caps-name"
        return "%s %s" % (self.given.upper(), self.surname), "given-first-caps"

    def short(self):
        """'Ms. Lopez', 'Respondent', 'Mr. Mendoza Lopez'."""
        sur = self.surname.title()
        return self.rng.choice(["the Respondent", "Respondent", "%s %s" % (self.title, sur)])

    def date(self, d, style=None):
        return fmt_date(d, self.rng, style)
