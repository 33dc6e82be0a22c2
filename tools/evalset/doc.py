"""Doc: one filing being composed.

A scenario fills a Doc with layout operations (callables taking a samplegen
Layout) and, as it writes, registers every country-like word it puts in the text
with its role.  The expected record is read off the Doc, so it is the ground truth
of what was written.

Roles: removal, nationality, feared, transit, background, exhibit, negated,
quoted (a respondent or order quoting a DHS proposal), denied (an order refusing
a proposed removal), past_order (an earlier removal order), mpp_return,
not_country (US places, personal names), mention (anything else).
"""

import random
import re

from . import world as W

ROLES = {"removal", "nationality", "feared", "transit", "background", "exhibit", "negated", "quoted",
         "denied", "past_order", "mpp_return", "not_country", "mention"}

# Country words inside US place names and personal names.
PLACE_WORDS = [("New Mexico", "MX"), ("Georgia", "GE"), ("Jamaica", "JM"), ("Lebanon", "LB"),
               ("Peru", "PE"), ("Panama", "PA")]


class Doc:
    def __init__(self, seed, index, kind):
        self.rng = random.Random("evalset:%s:%d:%s" % (seed, index, kind))
        self.index = index
        self.kind = kind
        self.ops = []
        self.mentions = []      # (code, role, surface)
        self.tags = []
        self.removal = []
        self.nationality = None
        self.filer = None
        self.motion_type = None
        self.respondent = None
        self.court = None
        self.detained = None
        self.a_number = None
        self.a_display = None
        self.forbid_p1 = []     # words that must not be on page 1
        self.persons = []       # (name, country-like word in it, code)
        self.occurrence = 0     # how many filings of this kind came before in the plan
        self.hy_done = False    # set by render when a forced hyphen break was realised
        self.layout_kw = {}
        self.fmt = None
        self.title = None

    # ----- random helpers ---------------------------------------------------
    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    def sample(self, seq, k):
        return self.rng.sample(list(seq), k)

    # ----- bookkeeping ------------------------------------------------------
    def tag(self, *tags):
        for t in tags:
            if t not in self.tags:
                self.tags.append(t)

    def mention(self, code, role, surface):
        if role not in ROLES:
            raise ValueError("unknown role %r" % role)
        self.mentions.append((code, role, surface))
        return surface

    def c(self, code, role, form="text"):
        """A country name in running text, registered with its role.
        form: text ("the Dominican Republic"), name (record name), formal, demonym,
        upper (capitals, for titles)."""
        if form == "text":
            s = W.text(code)
        elif form == "name":
            s = W.name(code) if code != "TR" else "Turkey"
        elif form == "formal":
            s = W.formal(code) or W.text(code)
        elif form == "demonym":
            s = W.demonym(code)
            if not s:
                raise ValueError("no demonym for %s" % code)
        elif form == "upper":
            s = W.text(code).upper()
        else:
            raise ValueError(form)
        if role == "removal" and code not in self.removal:
            raise ValueError("%s named as removal before it was proposed" % code)
        return self.mention(code, role, s)

    def clist(self, codes, role, conj="and", form="text"):
        names = [self.c(c, role, form) for c in codes]
        if len(names) == 1:
            return names[0]
        if len(names) == 2:
            return "%s %s %s" % (names[0], conj, names[1])
        return ", ".join(names[:-1]) + (", " if self.chance(0.6) else " ") + conj + " " + names[-1]

    def place(self, text):
        """A US place: register any country word inside it as not_country."""
        rest = text
        for word, code in PLACE_WORDS:
            for m in re.finditer(r"\b%s\b" % re.escape(word), rest, flags=re.I):
                self.mention(code, "not_country", m.group(0))
            rest = re.sub(r"\b%s\b" % re.escape(word), " ", rest, flags=re.I)
        return text

    def person(self, text, codes=()):
        """A personal name holding country-like words (Jordan, Chad, Israel, Georgia...)."""
        for word, code in codes:
            self.persons.append((text, word, code))  # registered by render.check if printed
        return text

    def propose(self, *codes):
        """Declare the removal list (in the filing's order)."""
        for c in codes:
            if c not in self.removal:
                self.removal.append(c)

    # ----- layout ops -------------------------------------------------------
    def op(self, fn):
        self.ops.append(fn)

    def para(self, text, **kw):
        self.ops.append(lambda L, t=text, k=kw: L.para(t, **k))

    def line(self, text, **kw):
        self.ops.append(lambda L, t=text, k=kw: L.line(t, **k))

    def gap(self, pts):
        self.ops.append(lambda L, p=pts: L.gap(p))

    def page_break(self):
        self.ops.append(lambda L: L.page_break())

    def heading(self, text, center=False):
        def f(L, t=text, c=center):
            L.keep(L.leading * 3)
            L.line(t, bold=True, align="center" if c else "left")
        self.ops.append(f)

    def hpara(self, variants, fallback, **kw):
        """A paragraph whose text should break a country name at a line end.
        variants: texts with one '{-}' marker; the first that lays out with a
        natural-looking break is used, otherwise fallback (no hyphen)."""
        self.ops.append(HyphenPara(self, variants, fallback, kw))

    # ----- expected record --------------------------------------------------
    def roles(self):
        seen = []
        for code, role, _ in self.mentions:
            if [code, role] not in seen:
                seen.append([code, role])
        return seen


class HyphenPara:
    def __init__(self, doc, variants, fallback, kw):
        self.doc = doc
        self.variants = variants
        self.fallback = fallback
        self.kw = kw

    def __call__(self, L):
        from samplegen import layout as LY
        for text in self.variants:
            dry = LY.Layout(**self.doc.layout_kw)
            dry.frame_w = L.frame_w
            dry.margin = -1e6
            dry.y = 0.0
            try:
                dry.para(text, **self.kw)
            except ValueError:
                continue
            L.para(text, **self.kw)
            self.doc.hy_done = True
            return
        L.para(self.fallback, **self.kw)
