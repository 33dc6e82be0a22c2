"""The samples: their text, how each is scanned, and the expected record.

Every person, A-number, EOIR ID and phone number below is fictional; office
addresses are invented or public addresses of government buildings.  Citations are
the authorities named in shared/DOMAIN.md.  The expected values are the ground
truth of the specification, not the output of any OCR.
"""

from . import content as C

SAMPLES = []


def sample(**kw):
    def deco(fn):
        kw["write"] = fn
        SAMPLES.append(kw)
        return fn
    return deco


# Shared scan profiles (overridden per sample).
SCAN = dict(dpi=200, angle=0.8, speckle=0.0006, dropout=0.0004, dust=12, blur=0.6,
            paper=(18, 244), shadow=0, holes=False, quality=55)


def scan(**kw):
    d = dict(SCAN)
    d.update(kw)
    return d


INA208 = "INA \u00a7 208(a)(2)(A), 8 U.S.C. \u00a7 1158(a)(2)(A)"
CIGM = "<i>Matter of C-I-G-M- & L-V-S-G-</i>, 29 I&N Dec. 291 (BIA 2025)"
CARR = "<i>Matter of C-A-R-R-</i>, 29 I&N Dec. 13 (BIA 2025)"


# ---------------------------------------------------------------------------
@sample(name="01-pretermit-aca-honduras-venezuelan", fmt="pdf-scan", seed=101,
        layout=dict(spacing=1.5),
        scan=scan(dpi=300, angle=-1.1, quality=46, holes=True),
        expected=dict(filer="dhs", motion_type="pretermit", removal=["HN"], nationality="VE",
                      a_number="212345678", respondent="RAMIREZ TORRES, Yusmary",
                      court="Houston, TX", detained=False,
                      hard_cases=["nationality-vs-removal-country", "line-end-hyphenation",
                                  "proposed-order-page", "a-number-spaced-dashes"]))
def s01(L):
    C.dhs_block(L, "Daniel K. Mercer, Assistant Chief Counsel", "Houston",
                "2450 Tidewater Parkway, Suite 700", "Houston, TX 77060",
                marker="NON-DETAINED", title="Office of the Principal Legal Advisor")
    C.court_caption(L, "HOUSTON, TEXAS")
    C.matter_paren(L, "RAMIREZ TORRES, Yusmary", "A 212-345-678", judge="Hon. Teresa M. Castellano",
                   hearing="October 21, 2025")
    C.title(L, "DEPARTMENT OF HOMELAND SECURITY'S MOTION TO PRETERMIT THE RESPONDENT'S "
               "APPLICATION FOR ASYLUM")
    L.para("The U.S. Department of Homeland Security (DHS), through its undersigned counsel, "
           "respectfully moves the Immigration Court to pretermit the respondent's Form I-589, "
           "Application for Asylum and for Withholding of Removal, as to asylum, because the "
           "respondent may be removed, pursuant to a bilateral agreement, to a third country where she "
           "would have access to a full and fair procedure for determining a claim to asylum. "
           + INA208 + "; 8 C.F.R. \u00a7 1240.11(h).")
    C.heading(L, "I. STATEMENT OF FACTS")
    L.para("The respondent is a native and citizen of Venezuela. She entered the United States near "
           "Hidalgo, Texas, on or about March 3, 2024, without being admitted or paroled. On April 11, "
           "2024, DHS served her with a Notice to Appear charging her as removable under INA "
           "\u00a7 212(a)(6)(A)(i). At a master calendar hearing on January 14, 2025, the respondent, "
           "through counsel, admitted the factual allegations, conceded the charge, and declined to "
           "designate a country of removal. She filed a Form I-589 on February 20, 2025.")
    C.heading(L, "II. ARGUMENT")
    L.para("Under INA \u00a7 208(a)(2)(A), an alien may not apply for asylum if the alien may be "
           "removed, pursuant to a bilateral or multilateral agreement, to a country other than the "
           "country of the alien's nationality in which the alien's life or freedom would not be "
           "threatened on account of a protected ground, and where the alien would have access to a "
           "full and fair procedure for determining a claim to asylum or equivalent temporary "
           "protection. An Immigration Judge may pretermit an application under this provision "
           "without an evidentiary hearing where the record establishes that the bar applies. "
           + CIGM + ".")
    L.para("The United States and the Republic of Honduras have concluded an Asylum Cooperative "
           "Agreement (ACA), which is in force and applies to the respondent, who is not a national "
           "of Honduras and who arrived after the agreement took effect. DHS therefore proposes, "
           "consistent with the agreement and its implementing regulations, that "
           "the respondent be removed to Hon{-}duras pursuant to the ACA, where she may seek "
           "protection under its laws. The respondent has not shown that she is more likely than not "
           "to be persecuted or tortured there.")
    C.heading(L, "III. CONCLUSION")
    L.para("For the foregoing reasons, DHS respectfully requests that the Court pretermit the "
           "respondent's application for asylum and order her removed to Honduras.")
    C.signature(L, "September 8, 2025", "Daniel K. Mercer",
                ["Assistant Chief Counsel", "U.S. Immigration and Customs Enforcement"])
    C.certificate_ecas(L, "September 8, 2025", "DHS Motion to Pretermit", "Daniel K. Mercer",
                       "the respondent's counsel of record, Lucia Benavides, Esq., Houston, Texas")
    C.proposed_order_form(L, "RAMIREZ TORRES, Yusmary", "A 212-345-678", "HOUSTON, TEXAS",
                          "Department of Homeland Security's Motion to Pretermit")


# ---------------------------------------------------------------------------
@sample(name="02-pretermit-incomplete-i589-born-digital", fmt="pdf-text", seed=102,
        layout=dict(spacing=2.0, smart_quotes=True, page_numbers=True),
        expected=dict(filer="dhs", motion_type="pretermit", removal=[], nationality="NI",
                      a_number="218440391", respondent="LOPEZ GARCIA, Marvin Josue",
                      court="Charlotte, NC", detained=False,
                      hard_cases=["pretermit-no-country-car", "born-digital-text-layer",
                                  "smart-quotes", "a-number-no-dash-spaces"]))
def s02(L):
    C.dhs_block(L, "Rebecca A. Lindqvist", "Charlotte", "5701 Executive Center Drive, Suite 300",
                "Charlotte, NC 28212", marker="NON-DETAINED")
    C.court_caption(L, "CHARLOTTE, NORTH CAROLINA")
    C.matter_stack(L, "LOPEZ GARCIA, Marvin Josue", "A218 440 391",
                   judge="Hon. William R. Ashcombe", hearing="November 4, 2025 at 1:00 p.m.")
    C.title(L, "DHS MOTION TO PRETERMIT THE RESPONDENT'S INCOMPLETE FORM I-589")
    L.para("The Department of Homeland Security (\"DHS\") moves the Court to pretermit the "
           "respondent's Form I-589, Application for Asylum and for Withholding of Removal, because "
           "the application the respondent lodged is incomplete and cannot be adjudicated. "
           + CARR + "; 8 C.F.R. \u00a7 1240.11(h).")
    L.para("The respondent, a native and citizen of Nicaragua, was placed in removal proceedings on "
           "June 2, 2024. On March 11, 2025, the Court set a deadline of May 12, 2025, for the filing "
           "of any application for relief. On May 9, 2025, the respondent lodged a Form I-589 that "
           "leaves Part B blank, contains no statement of the harm feared, and is unsigned.")
    L.para("An application that omits the information the form requires is not a properly filed "
           "application. In " + CARR + ", the Board held that an Immigration Judge may pretermit an "
           "asylum application that is incomplete on its face, without a hearing, where the applicant "
           "was given notice of the deficiency and an opportunity to cure it. The respondent received "
           "such notice at the hearing of March 11, 2025, and did not cure the deficiency by the "
           "deadline. Any opportunity to file has therefore been waived. 8 C.F.R. \u00a7 1003.31(c).")
    L.para("Because the application is incomplete, DHS does not address at this time whether any bar "
           "to asylum under INA \u00a7 208(a)(2) applies, and DHS does not propose any third country "
           "in this motion.")
    L.para("WHEREFORE, DHS respectfully requests that the Court pretermit the respondent's Form I-589 "
           "as incomplete.")
    C.signature(L, "September 22, 2025", "Rebecca A. Lindqvist",
                ["Assistant Chief Counsel", "U.S. Immigration and Customs Enforcement"])
    C.certificate_ecas(L, "September 22, 2025", "DHS Motion to Pretermit", "Rebecca A. Lindqvist",
                       "counsel of record for the respondent")


# ---------------------------------------------------------------------------
@sample(name="03-pretermit-three-acas-fax", fmt="tiff", seed=103,
        layout=dict(spacing=1.5),
        scan=scan(dpi=200, angle=1.6, speckle=0.0012, dropout=0.0015, dust=20, blur=0.7,
                  paper=(0, 255), threshold=140,
                  fax_header="MAY-19-2025 14:07  FROM: OCC MIAMI KROME  305 555 0143  P.%d/%d"),
        expected=dict(filer="dhs", motion_type="pretermit", removal=["EC", "HN", "UG"],
                      nationality="CO", a_number="203517846",
                      respondent="OSPINA VALENCIA, Andres Felipe", court="Miami, FL", detained=True,
                      hard_cases=["several-aca-countries-ordered", "fax-tiff-g4",
                                  "asylum-only-proceedings", "a-number-hash"]))
def s03(L):
    C.dhs_block(L, "Marisol Q. Danforth", "Miami", "18201 SW 12th Street",
                "Miami, FL 33194", marker="DETAINED")
    C.court_caption(L, "MIAMI, FLORIDA")
    C.matter_paren(L, "OSPINA VALENCIA, Andres Felipe", "A# 203517846",
                   proceedings="In Asylum-Only Proceedings", judge="Hon. Gregory P. Halvorsen",
                   hearing="June 3, 2025", rules=True)
    C.title(L, "DHS MOTION TO PRETERMIT AND NOTICE OF APPLICABLE ASYLUM COOPERATIVE AGREEMENTS")
    L.para("DHS moves the Court to pretermit the respondent's application for asylum pursuant to "
           + INA208 + ", and 8 C.F.R. \u00a7 1240.11(h). The respondent, a native and citizen of "
           "Colombia, was a crewman aboard the M/V Coral Meridian and was refused permission to land "
           "at the Port of Miami on February 6, 2025. Because he requested asylum, he was placed in "
           "asylum-only proceedings under 8 C.F.R. \u00a7 1208.2(c)(1).")
    L.para("The respondent is subject to three cooperative agreements, Ecuador, Honduras, Uganda. Each "
           "agreement is in force, each applies to nationals of Colombia who arrive after its effective "
           "date, and in each country the respondent would have access to a full and fair procedure "
           "for determining a claim to asylum or equivalent temporary protection. DHS proposes that "
           "the respondent be removed to one of these countries, in the order listed. "
           + CIGM + ".")
    L.para("The respondent bears the burden of establishing, by a preponderance of the evidence, that "
           "the bar does not apply. He has submitted no evidence that his life or freedom would be "
           "threatened in any of the three countries on account of a protected ground.")
    L.para("DHS therefore requests that the Court pretermit the respondent's asylum application and "
           "order his removal in accordance with the agreements identified above.")
    C.signature(L, "May 19, 2025", "Marisol Q. Danforth",
                ["Assistant Chief Counsel", "U.S. Immigration and Customs Enforcement"])
    C.certificate_ecas(L, "May 19, 2025", "DHS Motion to Pretermit", "Marisol Q. Danforth",
                       "the respondent's counsel of record")


# ---------------------------------------------------------------------------
@sample(name="04-designate-uganda-alternative-atlanta", fmt="png", seed=104,
        layout=dict(spacing=1.25, first_indent=36),
        scan=scan(dpi=200, angle=-2.3, speckle=0.0005, dropout=0.0003, dust=8, blur=0.65,
                  paper=(25, 238), levels=16),
        expected=dict(filer="dhs", motion_type="designate_country", removal=["UG"],
                      nationality="VE", a_number="209664173", respondent="CASTILLO MENDEZ, Oriana",
                      court="Atlanta, GA", detained=False,
                      hard_cases=["designate-alternative-country", "background-aca-list",
                                  "us-place-georgia-court", "png", "a-number-dashes"]))
def s04(L):
    C.dhs_block(L, "Jonathan P. Whitlock", "Atlanta", "180 Spring Street SW, Suite 332",
                "Atlanta, GA 30303", marker="NON-DETAINED")
    C.court_caption(L, "ATLANTA, GEORGIA")
    C.matter_stack(L, "CASTILLO MENDEZ, Oriana", "A-209-664-173",
                   judge="Hon. Sandra K. Pellegrini", hearing="December 2, 2025")
    C.title(L, "DHS NOTICE OF DESIGNATION OF ALTERNATIVE COUNTRY OF REMOVAL")
    L.para("Pursuant to INA \u00a7 241(b)(2), 8 U.S.C. \u00a7 1231(b)(2), and 8 C.F.R. "
           "\u00a7 1240.10(f), the Department of Homeland Security hereby gives notice that it "
           "designates Uganda as the alternative country of removal for the respondent, a native and "
           "citizen of Venezuela, should removal to the country of her citizenship be impracticable, "
           "inadvisable, or impossible.")
    L.para("At the master calendar hearing on September 30, 2025, the respondent declined to designate "
           "a country of removal. Although the United States has entered into Asylum Cooperative "
           "Agreements with Guatemala, Honduras, and Ecuador, DHS does not invoke those agreements in "
           "this case. DHS asks the Court to designate Uganda as the alternative country of removal "
           "and to advise the respondent of the designation at the next hearing, so that she may state "
           "whether she fears persecution or torture in Uganda.")
    C.signature(L, "October 14, 2025", "Jonathan P. Whitlock", ["Assistant Chief Counsel"],
                left=250, compact=True)
    C.certificate_ecas(L, "October 14, 2025", "DHS Notice of Designation", "Jonathan P. Whitlock",
                       "the respondent's counsel of record", compact=True)


# ---------------------------------------------------------------------------
@sample(name="05-pretermit-ecuador-alternative-uganda", fmt="pdf-scan", seed=105,
        layout=dict(spacing=1.5, smart_quotes=True),
        scan=scan(dpi=200, angle=2.1, quality=52, blur=0.55, shadow=14),
        expected=dict(filer="dhs", motion_type="pretermit", removal=["EC", "UG"], nationality="PE",
                      a_number="241093558", respondent="QUISPE HUAMAN, Elmer",
                      court="Newark, NJ", detained=False,
                      hard_cases=["in-the-alternative", "line-end-hyphenation", "smart-quotes"]))
def s05(L):
    C.dhs_block(L, "Alicia M. Brandauer", "Newark", "970 Broad Street, Room 1300",
                "Newark, NJ 07102", marker="NON-DETAINED")
    C.court_caption(L, "NEWARK, NEW JERSEY")
    C.matter_paren(L, "QUISPE HUAMAN, Elmer", "A 241-093-558", judge="Hon. Victor L. Abernathy",
                   hearing="January 13, 2026")
    C.title(L, "DEPARTMENT OF HOMELAND SECURITY'S MOTION TO PRETERMIT PURSUANT TO ASYLUM "
               "COOPERATIVE AGREEMENTS")
    L.para("The Department of Homeland Security (\"DHS\") respectfully moves the Court to pretermit the "
           "respondent's application for asylum under " + INA208 + ", and 8 C.F.R. \u00a7 1240.11(h). "
           "The respondent, a native and citizen of Peru, entered the United States without inspection "
           "near San Luis, Arizona, on or about August 19, 2024, and filed a Form I-589 with this Court "
           "on April 2, 2025.")
    L.para("The respondent is not a national of either country with which DHS invokes an agreement here, "
           "he did not arrive before either agreement took effect, and nothing in the record suggests "
           "that any exception applies. " + CIGM + ". Accordingly, in light of the foregoing, DHS moves that the respondent be "
           "removed to Ecua{-}dor, or in the alternative to Uganda, pursuant to the Asylum Cooperative "
           "Agreements between the United States and those countries.")
    L.para("Both countries provide access to a full and fair procedure for determining a claim to "
           "asylum or equivalent temporary protection. The respondent's stated fear relates only to "
           "private actors in Peru, and he has not identified any protected ground on which his life or "
           "freedom would be threatened in either country.")
    L.para("WHEREFORE, DHS respectfully requests that the Court grant this motion, pretermit the "
           "respondent's application for asylum, and order him removed to Ecuador or, in the "
           "alternative, to Uganda.")
    C.signature(L, "November 24, 2025", "Alicia M. Brandauer",
                ["Assistant Chief Counsel", "U.S. Immigration and Customs Enforcement"])
    C.certificate_ecas(L, "November 24, 2025", "DHS Motion to Pretermit", "Alicia M. Brandauer",
                       "the respondent's counsel of record")


# ---------------------------------------------------------------------------
FR_HEAD = "Federal Register / Vol. 90, No. 141 / Friday, July 25, 2025 / Notices"


@sample(name="06-pretermit-guatemala-with-exhibit", fmt="pdf-scan", seed=106,
        layout=dict(spacing=1.5),
        scan=scan(dpi=200, angle=-0.7, quality=48, holes=True),
        require={2: ["EXHIBIT A", "Paraguay", "Belize", "El Salvador", "Uganda"]},
        forbid={0: ["Paraguay"], 1: ["Paraguay"]},
        expected=dict(filer="dhs", motion_type="pretermit", removal=["GT"], nationality="SV",
                      a_number="070673932", respondent="FUENTES ARGUETA, Jose Ramiro",
                      court="Dallas, TX", detained=True,
                      hard_cases=["exhibit-lists-all-aca-partners", "formal-agreement-name",
                                  "two-column-exhibit", "a-number-leading-zero"]))
def s06(L):
    C.dhs_block(L, "Kevin T. Oyelaran", "Dallas", "125 E. John Carpenter Freeway, Suite 500",
                "Irving, TX 75062", marker="DETAINED")
    C.court_caption(L, "DALLAS, TEXAS")
    C.matter_paren(L, "FUENTES ARGUETA, Jose Ramiro", "A070-673-932", judge="Hon. Carolyn F. Breckner",
                   hearing="August 26, 2025")
    C.title(L, "MOTION TO PRETERMIT THE RESPONDENT'S PROTECTION APPLICATIONS")
    L.para("The Department of Homeland Security (DHS) moves to pretermit the respondent's application "
           "for asylum. The respondent, a native and citizen of El Salvador, entered the United States "
           "without inspection on or about November 30, 2024, and is detained at the Prairieland "
           "Detention Center. He filed a Form I-589 on June 17, 2025.")
    L.para("The respondent may be removed pursuant to the Agreement between the Government of the "
           "United States of America and the Government of the Republic of Guatemala for Cooperation in "
           "the Examination of Protection Claims (the Agreement), a copy of the relevant notice being "
           "attached at Exhibit A. The Agreement applies to nationals of third countries who arrive "
           "after its effective date, and the respondent does not fall within any of its exceptions. "
           + INA208 + "; 8 C.F.R. \u00a7 1240.11(h); " + CIGM + ".")
    L.para("DHS therefore proposes that the respondent be removed to Guatemala under the Agreement. "
           "Guatemala is a party to the 1951 Convention relating to the Status of Refugees and its 1967 "
           "Protocol, and the respondent would have access there to a full and fair procedure for "
           "determining his claim.")
    L.para("For these reasons, DHS requests that the Court pretermit the respondent's asylum application "
           "and order the respondent removed to Guatemala pursuant to the Agreement.")
    C.signature(L, "July 29, 2025", "Kevin T. Oyelaran",
                ["Assistant Chief Counsel", "U.S. Immigration and Customs Enforcement"])
    C.certificate_ecas(L, "July 29, 2025", "Motion to Pretermit and Exhibit A", "Kevin T. Oyelaran",
                       "the respondent, c/o the custodial officer, Prairieland Detention Center")
    # Exhibit A: a Federal Register excerpt naming every partner.
    L.page_break()
    L.line("EXHIBIT A", align="center", bold=True, size=16, leading=24)
    L.gap(6)
    L.line(FR_HEAD, size=9, leading=12)
    L.rule(0, L.frame_w, dy=3)
    L.gap(6)
    L.balanced_columns(2, 18, fr_notice)


def fr_notice(L):
    fr = dict(size=10, leading=12, indent=10)
    L.line("DEPARTMENT OF HOMELAND SECURITY", bold=True, size=10, leading=12)
    L.line("DEPARTMENT OF JUSTICE", bold=True, size=10, leading=12)
    L.line("Asylum Cooperative Agreements;", bold=True, size=10, leading=12)
    L.line("Notice of Agreements in Force", bold=True, size=10, leading=12)
    L.gap(4)
    L.para("<b>AGENCY:</b> Department of Homeland Security; Executive Office for Immigration Review, "
           "Department of Justice.", **fr)
    L.para("<b>ACTION:</b> Notice.", **fr)
    L.para("<b>SUMMARY:</b> This notice lists the bilateral Asylum Cooperative Agreements (ACAs) that "
           "the United States has concluded under section 208(a)(2)(A) of the Immigration and "
           "Nationality Act. The United States has signed ACAs with the Governments of Honduras, "
           "Guatemala, Ecuador, Uganda, Paraguay, and Belize. The agreement with El Salvador, signed in "
           "2019, remains suspended.", **fr)
    L.para("<b>DATES:</b> This notice is effective July 25, 2025.", **fr)
    L.para("<b>FOR FURTHER INFORMATION CONTACT:</b> Office of Policy, Executive Office for Immigration "
           "Review, 5107 Leesburg Pike, Falls Church, VA 22041; telephone (703) 555-0190 (not a toll-free "
           "call).", **fr)
    L.para("<b>SUPPLEMENTARY INFORMATION:</b>", **fr)
    L.para("Background. Section 208(a)(2)(A) of the Act provides that an alien may not apply for asylum "
           "if the alien may be removed, pursuant to a bilateral or multilateral agreement, to a country "
           "other than the country of the alien's nationality or last habitual residence in which the "
           "alien's life or freedom would not be threatened on account of race, religion, nationality, "
           "membership in a particular social group, or political opinion, and where the alien would "
           "have access to a full and fair procedure for determining a claim to asylum or equivalent "
           "temporary protection. The Departments implemented that provision by regulation in 2019 and "
           "have since concluded additional agreements.", **fr)
    L.para("I. Agreements in force. The agreements with Honduras, Guatemala, Ecuador, and Uganda have "
           "entered into force. An alien who arrives in the United States after the effective date of "
           "an agreement, and who is not a national of the partner country, may be removed to that "
           "country to pursue a claim for protection there, subject to the terms of the agreement.", **fr)
    L.para("II. Agreements signed but not yet in force. The agreements with Paraguay and Belize have "
           "been signed. They will apply only after the Department publishes notice that each has "
           "entered into force.", **fr)
    L.para("III. El Salvador. The agreement with El Salvador, signed on September 20, 2019, was "
           "suspended in 2021 and is not applied to any case.", **fr)
    L.para("IV. Partner list. For convenience, the partner countries are: Honduras; Guatemala; "
           "Ecuador; Uganda; Paraguay; Belize; and El Salvador (suspended).", **fr)
    L.para("V. Procedure. Whether an agreement applies is determined in removal proceedings before an "
           "immigration judge, who may pretermit an asylum application when the respondent may be "
           "removed under an agreement in force. 8 CFR 1240.11(h).", **fr)
    L.gap(4)
    L.line("Secretary of Homeland Security.", size=10, leading=12, indent=60)
    L.line("[FR Doc. 2025-13870 Filed 7-24-25; 8:45 am]", size=9, leading=11)
    L.line("BILLING CODE 9111-97-P", size=9, leading=11)


# ---------------------------------------------------------------------------
@sample(name="07-pretermit-uganda-on-page-two", fmt="pdf-scan", seed=107,
        layout=dict(spacing=1.5, page_numbers=True),
        scan=scan(dpi=200, angle=0.9, quality=55, speckle=0.0009),
        forbid={0: ["Uganda", "Honduras", "Guatemala", "Ecuador"]},
        require={1: ["Uganda"]},
        expected=dict(filer="dhs", motion_type="pretermit", removal=["UG"], nationality="CU",
                      a_number="220618045", respondent="PEREIRA ALFONSO, Yoandri",
                      court="Baltimore, MD", detained=False,
                      hard_cases=["removal-country-only-on-page-2", "nationality-demonym",
                                  "a-number-spaces"]))
def s07(L):
    C.dhs_block(L, "Stephanie R. Okonkwo-Hale", "Baltimore", "31 Hopkins Plaza, Room 600",
                "Baltimore, MD 21201", marker="NON-DETAINED")
    C.court_caption(L, "BALTIMORE, MARYLAND")
    C.matter_paren(L, "PEREIRA ALFONSO, Yoandri", "A 220 618 045", judge="Hon. Martin E. Gallagher",
                   hearing="February 10, 2026")
    C.title(L, "DEPARTMENT OF HOMELAND SECURITY'S MOTION TO PRETERMIT")
    C.heading(L, "I. BACKGROUND")
    L.para("The respondent is a Cuban national. He was paroled into the United States at the Laredo, "
           "Texas, port of entry on or about July 8, 2023, and his parole expired on July 7, 2024. On "
           "September 16, 2024, DHS commenced removal proceedings by filing a Notice to Appear charging "
           "him as removable under INA \u00a7 237(a)(1)(B).")
    L.para("At a master calendar hearing on March 4, 2025, the respondent admitted the allegations, "
           "conceded the charge, and informed the Court that he would seek asylum, withholding of "
           "removal, and protection under the Convention Against Torture. He filed a Form I-589 on "
           "May 1, 2025. The matter is set for an individual hearing.")
    L.para("On September 2, 2025, the Court set a deadline of October 15, 2025, for any pre-hearing "
           "motions and for the submission of supporting evidence. The respondent's application "
           "remains pending, and the respondent has submitted a declaration and identity documents "
           "in support of it. The respondent is not detained, and he has appeared at every hearing.")
    L.page_break()
    C.heading(L, "II. ARGUMENT")
    L.para("An alien may not apply for asylum if the alien may be removed, pursuant to a bilateral or "
           "multilateral agreement, to a third country where the alien would have access to a full "
           "and fair procedure for determining a claim to asylum. " + INA208 + "; 8 C.F.R. "
           "\u00a7 1240.11(h); " + CIGM + ".")
    L.para("The Asylum Cooperative Agreement between the United States and Uganda is in force and "
           "applies to the respondent. DHS proposes that the respondent be removed to Uganda pursuant "
           "to that agreement. The respondent has not established that he would more likely than not "
           "be persecuted on account of a protected ground in Uganda, or that he lacks access there to "
           "a full and fair asylum procedure.")
    C.heading(L, "III. CONCLUSION")
    L.para("DHS respectfully requests that the Court pretermit the respondent's application for asylum "
           "and order him removed to Uganda.")
    C.signature(L, "January 5, 2026", "Stephanie R. Okonkwo-Hale",
                ["Assistant Chief Counsel", "U.S. Immigration and Customs Enforcement"])
    C.certificate_ecas(L, "January 5, 2026", "DHS Motion to Pretermit", "Stephanie R. Okonkwo-Hale",
                       "the respondent's counsel of record")


# ---------------------------------------------------------------------------
@sample(name="08-opposition-respondent-mixed", fmt="pdf-mixed", seed=108,
        layout=dict(spacing=1.5, smart_quotes=True, page_numbers=True),
        scan=scan(dpi=200, angle=-1.4, quality=58),
        require={0: ["Guatemala"]},
        expected=dict(filer="respondent", motion_type="opposition", removal=[], nationality="HN",
                      a_number="215337490", respondent="ZELAYA BONILLA, Karla Yesenia",
                      court="New York, NY", detained=False,
                      hard_cases=["respondent-opposition-quotes-dhs-proposal", "mixed-text-and-scan",
                                  "personal-name-is-country", "us-place-jamaica-ny",
                                  "feared-country-not-removal"]))
def s08(L):
    C.counsel_block(L, ["Israel Georgia Mendoza, Esq.", "Mendoza & Whitcomb Immigration Law, PLLC",
                        "89-31 161st Street, Suite 604", "Jamaica, New York 11432",
                        "(718) 555-0176", "Counsel for the Respondent"], marker="NON-DETAINED")
    C.court_caption(L, "NEW YORK, NEW YORK")
    C.matter_paren(L, "ZELAYA BONILLA, Karla Yesenia", "A215-337-490",
                   judge="Hon. Denise A. Marchetti", hearing="March 3, 2026")
    C.title(L, "RESPONDENT'S OPPOSITION TO DHS MOTION TO PRETERMIT")
    L.para("The respondent, through undersigned counsel, opposes the motion to pretermit filed by the "
           "Department of Homeland Security on December 29, 2025. In that motion DHS asserts that the "
           "respondent \"may be removed to Guatemala pursuant to the Asylum Cooperative Agreement\" and "
           "asks the Court to \"order the respondent removed to Guatemala.\" DHS Mot. at 3. The Court "
           "should deny the motion.")
    L.para("The respondent is a native and citizen of Honduras. She fears persecution in Honduras by a "
           "gang that murdered her brother, and she has never lived in, or traveled through, any other "
           "country except Mexico on her way to the United States.")
    L.para("First, DHS bears the initial burden of showing that an agreement applies to this respondent. "
           "It has offered only a general notice, not evidence that the agreement is in force as to her "
           "or that the partner government will accept her. Second, the respondent would face a "
           "particularized risk of harm from the same gang, which operates across the border. Third, "
           "pretermission without a hearing would deny her the opportunity to present this evidence.")
    L.page_break()
    L.para("For these reasons, the respondent respectfully asks the Court to deny the Department of "
           "Homeland Security's motion to pretermit and to keep her individual hearing on the calendar.",
           indent=36)
    C.signature(L, "January 8, 2026", "Israel Georgia Mendoza, Esq.", ["Counsel for the Respondent",
                "EOIR ID: MQ417220"], wet=True)
    C.certificate_ecas(L, "January 8, 2026", "Respondent's Opposition", "Israel Georgia Mendoza",
                       "the Office of the Chief Counsel, New York")


# ---------------------------------------------------------------------------
@sample(name="09-ij-order-removed-honduras", fmt="jpeg", seed=109,
        layout=dict(spacing=1.2),
        scan=scan(dpi=200, angle=-1.8, quality=70, speckle=0.0004, dust=6, blur=0.7,
                  paper=(30, 240)),
        expected=dict(filer="court", motion_type="order", removal=["HN"], nationality="HT",
                      a_number="219554706", respondent="JORDAN, Chad",
                      court="Harlingen, TX", detained=None,
                      hard_cases=["ij-order", "personal-name-is-country", "jpeg-color",
                                  "wet-signature"]))
def s09(L):
    C.court_caption(L, "HARLINGEN, TEXAS")
    C.matter_paren(L, "JORDAN, Chad", "A 219-554-706", hearing=None)
    C.title(L, "ORDER OF THE IMMIGRATION JUDGE")
    L.para("Upon consideration of the Department of Homeland Security's Motion to Pretermit, filed on "
           "August 4, 2025, the respondent's response, and the entire record, the Court finds that the "
           "respondent, a native and citizen of Haiti, may be removed pursuant to the Asylum Cooperative "
           "Agreement between the United States and Honduras, that the agreement is in force and applies "
           "to him, and that he has not shown that any exception applies. " + INA208 + "; " + CIGM + ".",
           leading=L.single * 1.2)
    L.gap(4)
    for t in ("it is HEREBY ORDERED that the Department of Homeland Security's motion to pretermit is "
              "GRANTED;",
              "it is FURTHER ORDERED that the respondent's application for asylum is PRETERMITTED; and",
              "it is HEREBY ORDERED that the respondent be removed to Honduras."):
        L.para(t, indent=0, left=36, leading=L.single * 1.2, justify=False)
        L.gap(3)
    L.para("The respondent's applications for withholding of removal and protection under the "
           "Convention Against Torture with respect to Honduras were considered and are denied for the "
           "reasons stated on the record.", leading=L.single * 1.2)
    L.gap(4)
    L.line("Appeal: Due by October 6, 2025.   Appeal waived:  ____ DHS  ____ Respondent",
           leading=L.single * 1.3)
    C.signature(L, "September 4, 2025", "Elaine R. Fitzgerald", ["Immigration Judge"], wet=True,
                closing="", dated_first=True, compact=True)
    L.gap(6)
    L.line("Certificate of Service", align="center", bold=True, leading=L.single)
    L.line("This document was served by: [ ] Mail  [ ] Personal Service  [X] Electronic Service",
           size=10, leading=L.single)
    L.line("To: [ ] Noncitizen  [ ] Noncitizen c/o custodial officer  [X] Noncitizen's atty/rep  [X] DHS",
           size=10, leading=L.single)
    L.line("Date: September 4, 2025   By: Court Staff  M.G.", size=10, leading=L.single)


# ---------------------------------------------------------------------------
@sample(name="10-mpp-returned-to-mexico", fmt="pdf-scan", seed=110,
        layout=dict(spacing=1.15),
        scan=scan(dpi=300, angle=0.5, quality=42, blur=0.8, speckle=0.0005),
        expected=dict(filer="dhs", motion_type="mpp", removal=[], nationality="GT",
                      a_number="246882013", respondent="CHOC XOL, Marvin Estuardo",
                      court="San Diego, CA", detained=False,
                      hard_cases=["mpp-return-not-removal", "300-dpi"]))
def s10(L):
    C.dhs_block(L, "Patricia L. Nakamura-Reyes", "San Diego", "880 Front Street, Suite 2246",
                "San Diego, CA 92101", marker="NON-DETAINED")
    C.court_caption(L, "SAN DIEGO, CALIFORNIA")
    C.matter_stack(L, "CHOC XOL, Marvin Estuardo", "A 246-882-013",
                   judge="Hon. Raymond T. Villasenor", hearing="April 22, 2025 at 8:00 a.m.")
    C.title(L, "DHS NOTICE OF MIGRANT PROTECTION PROTOCOLS (REMAIN IN MEXICO) PROCESSING")
    L.para("The Department of Homeland Security gives notice that the respondent, a native and citizen "
           "of Guatemala, who arrived at the San Ysidro, California, port of entry on February 27, 2025, "
           "has been processed under the Migrant Protection Protocols (MPP). Pursuant to INA "
           "\u00a7 235(b)(2)(C), 8 U.S.C. \u00a7 1225(b)(2)(C), the respondent will be returned to Mexico "
           "to await the next hearing in these removal proceedings.")
    L.para("The respondent must present himself at the San Ysidro port of entry at 5:00 a.m. on the "
           "date of each hearing. While in Mexico he may be reached at the address he provided in "
           "Tijuana, Baja California. This notice is not a request for an order of removal.")
    C.signature(L, "March 3, 2025", "Patricia L. Nakamura-Reyes", ["Assistant Chief Counsel"],
                compact=True)
    C.certificate_mail(L, "March 3, 2025", "notice", "Patricia L. Nakamura-Reyes",
                       ["Marvin Estuardo CHOC XOL, c/o MPP Processing",
                        "720 East San Ysidro Boulevard, San Ysidro, CA 92173"])


# ---------------------------------------------------------------------------
@sample(name="11-change-venue-stewart-georgia", fmt="pdf-scan", seed=111,
        layout=dict(spacing=1.5, smart_quotes=True),
        scan=scan(dpi=200, angle=-2.0, quality=50),
        expected=dict(filer="dhs", motion_type="change_venue", removal=[], nationality="BR",
                      a_number="231907264", respondent="SANTOS FERREIRA, Thiago",
                      court="El Paso, TX", detained=True,
                      hard_cases=["change-venue-us-places", "us-place-new-mexico",
                                  "us-place-georgia", "us-place-jamaica-ny", "a-number-dashes"]))
def s11(L):
    C.dhs_block(L, "Hector J. Villanueva", "El Paso", "1545 Hawkins Boulevard, Suite 275",
                "El Paso, TX 79925", marker="DETAINED")
    C.court_caption(L, "EL PASO, TEXAS")
    C.matter_paren(L, "SANTOS FERREIRA, Thiago", "A-231-907-264", judge="Hon. Lorraine B. Escalante",
                   hearing="October 7, 2025", rules=True)
    C.title(L, "DHS MOTION TO CHANGE VENUE")
    L.para("Pursuant to 8 C.F.R. \u00a7 1003.20, the Department of Homeland Security (\"DHS\") moves the "
           "Court to change venue in these proceedings to the Stewart Immigration Court in Lumpkin, "
           "Georgia.")
    L.para("The respondent, a native and citizen of Brazil, was apprehended near Santa Teresa, New "
           "Mexico, on June 14, 2025, and was detained at the Otero County Processing Center in "
           "Chaparral, New Mexico. On September 2, 2025, U.S. Immigration and Customs Enforcement "
           "transferred the respondent to the Stewart Detention Center, 146 CCA Road, Lumpkin, Georgia "
           "31815, where he remains detained.")
    L.para("Good cause exists to change venue. The respondent is detained within the jurisdiction of "
           "the Stewart Immigration Court, and his custodial officer, the records of his detention, and "
           "any witnesses DHS may call are located in Georgia. The respondent's only relative in the "
           "United States, a cousin, resides in Jamaica, New York, and his counsel of record practices "
           "in Atlanta, Georgia, so neither is closer to El Paso than to Lumpkin. No pleadings have "
           "been taken, and a change of venue will not delay the proceedings.")
    L.para("WHEREFORE, DHS respectfully requests that the Court change venue to the Stewart "
           "Immigration Court, Lumpkin, Georgia.")
    C.signature(L, "September 9, 2025", "Hector J. Villanueva",
                ["Assistant Chief Counsel", "U.S. Immigration and Customs Enforcement"])
    C.certificate_ecas(L, "September 9, 2025", "DHS Motion to Change Venue", "Hector J. Villanueva",
                       "the respondent's counsel of record in Atlanta, Georgia")


# ---------------------------------------------------------------------------
@sample(name="12-continuance-background-aca-list", fmt="pdf-scan", seed=112,
        layout=dict(spacing=1.0),
        scan=scan(dpi=200, angle=1.2, quality=60, shadow=10),
        expected=dict(filer="dhs", motion_type="continuance", removal=[], nationality="DO",
                      a_number="227045319", respondent="REYES DE LA CRUZ, Wandy",
                      court="Chicago, IL", detained=False,
                      hard_cases=["background-aca-list-no-proposal", "country-pair-dominican-republic",
                                  "a-number-space-after-a"]))
def s12(L):
    C.dhs_block(L, "Natalie S. Kowalczyk", "Chicago", "55 East Monroe Street, Suite 1700",
                "Chicago, IL 60603", marker="NON-DETAINED")
    C.court_caption(L, "CHICAGO, ILLINOIS")
    C.matter_stack(L, "REYES DE LA CRUZ, Wandy", "A 227 045 319", judge="Hon. Theodore J. Brandt",
                   hearing="November 18, 2025")
    C.title(L, "DHS MOTION FOR A CONTINUANCE")
    L.para("The Department of Homeland Security moves for a continuance of the individual hearing set "
           "for November 18, 2025. 8 C.F.R. \u00a7 1003.29; <i>Matter of L-A-B-R-</i>, 27 I&N Dec. 405 "
           "(A.G. 2018). The respondent is a native and citizen of the Dominican Republic who filed a "
           "Form I-589 on June 30, 2025.")
    L.para("The United States has entered into Asylum Cooperative Agreements with Guatemala, Honduras, "
           "and Ecuador. DHS is reviewing whether any agreement may apply to the respondent and has not "
           "yet made that determination. DHS does not, in this motion, propose any country of removal. "
           "A brief continuance of approximately sixty days will allow DHS to complete its review and, "
           "if appropriate, to file a motion with the Court, avoiding a hearing that may need to be "
           "repeated.")
    L.para("This is DHS's first request for a continuance. Counsel for the respondent has been "
           "consulted and takes no position on the motion.")
    C.signature(L, "October 27, 2025", "Natalie S. Kowalczyk", ["Assistant Chief Counsel"],
                compact=True)
    C.certificate_ecas(L, "October 27, 2025", "DHS Motion for a Continuance", "Natalie S. Kowalczyk",
                       "the respondent's counsel of record", compact=True)


# ---------------------------------------------------------------------------
@sample(name="13-dismiss-expedited-removal-old-anumber", fmt="pdf-scan", seed=113,
        layout=dict(spacing=1.5),
        scan=scan(dpi=200, angle=-0.4, quality=45, speckle=0.0015, dropout=0.001, dust=25, blur=0.75,
                  paper=(35, 232)),
        expected=dict(filer="dhs", motion_type="dismiss", removal=[], nationality="IN",
                      a_number="093456789", respondent="SINGH, Gurpreet",
                      court="Tacoma, WA", detained=True,
                      hard_cases=["old-8-digit-a-number", "dismiss-for-expedited-removal",
                                  "heavy-speckle"]))
def s13(L):
    C.dhs_block(L, "Brian E. Castellanos", "Seattle", "1623 East J Street, Suite 2",
                "Tacoma, WA 98421", marker="DETAINED")
    C.court_caption(L, "TACOMA, WASHINGTON")
    C.matter_paren(L, "SINGH, Gurpreet", "A 93-456-789", judge="Hon. Allison J. Rourke",
                   hearing="July 15, 2025")
    C.title(L, "DHS MOTION TO DISMISS PROCEEDINGS")
    L.para("The Department of Homeland Security (DHS) moves the Court to dismiss these removal "
           "proceedings without prejudice pursuant to 8 C.F.R. \u00a7 1239.2(c) and 8 C.F.R. "
           "\u00a7 239.2(a)(6)-(7), so that DHS may process the respondent for expedited removal under "
           "INA \u00a7 235(b)(1), 8 U.S.C. \u00a7 1225(b)(1).")
    L.para("The respondent, a native and citizen of India, entered the United States without inspection "
           "near Blaine, Washington, on or about April 27, 2025, and was encountered eight days later. "
           "He has not been admitted or paroled and has not been continuously present in the United "
           "States for two years. He is therefore amenable to expedited removal, and the Notice to "
           "Appear was improvidently issued. Circumstances have changed since its issuance such that "
           "continuation of these proceedings is no longer in the best interest of the government. "
           "8 C.F.R. \u00a7 239.2(a)(7).")
    L.para("If the respondent expresses a fear of return, he will be referred for a credible fear "
           "interview in accordance with INA \u00a7 235(b)(1)(A)(ii). DHS respectfully requests that "
           "the Court dismiss these proceedings without prejudice.")
    C.signature(L, "June 10, 2025", "Brian E. Castellanos",
                ["Assistant Chief Counsel", "U.S. Immigration and Customs Enforcement"])
    C.certificate_ecas(L, "June 10, 2025", "DHS Motion to Dismiss", "Brian E. Castellanos",
                       "the respondent's counsel of record")


# ---------------------------------------------------------------------------
@sample(name="14-terminate-respondent-motion", fmt="pdf-scan", seed=114,
        layout=dict(spacing=1.15),
        scan=scan(dpi=220, angle=1.9, quality=55),
        expected=dict(filer="respondent", motion_type="terminate", removal=[], nationality="PH",
                      a_number="201338476", respondent="DELA CRUZ, Maricel",
                      court="Boston, MA", detained=False,
                      hard_cases=["respondent-motion", "citizen-of-phrasing", "a-number-spaces"]))
def s14(L):
    C.counsel_block(L, ["Priya N. Ramaswamy, Esq.", "Harborview Immigrant Legal Services",
                        "200 Atlantic Avenue, 4th Floor", "Boston, MA 02110", "Counsel for the Respondent"],
                    marker="NON-DETAINED")
    C.court_caption(L, "BOSTON, MASSACHUSETTS")
    C.matter_paren(L, "DELA CRUZ, Maricel", "A 201 338 476", judge="Hon. Frederick A. Lomax",
                   hearing="December 9, 2025")
    C.title(L, "RESPONDENT'S MOTION TO TERMINATE PROCEEDINGS")
    L.para("The respondent, a citizen of the Philippines, through counsel, moves the Court to terminate "
           "these proceedings pursuant to 8 C.F.R. \u00a7 1003.18(d). The respondent is the beneficiary "
           "of an approved Form I-130, Petition for Alien Relative, filed by her United States citizen "
           "spouse, and her Form I-485, Application to Register Permanent Residence or Adjust Status, "
           "is pending with U.S. Citizenship and Immigration Services (USCIS), which has jurisdiction "
           "over it because she was paroled into the United States.")
    L.para("Termination is warranted because the respondent is prima facie eligible for adjustment of "
           "status before USCIS, her application has been pending for more than a year, and she has no "
           "criminal history. DHS has been served with this motion and has not indicated whether it "
           "opposes. The respondent respectfully asks the Court to terminate proceedings without "
           "prejudice.")
    C.signature(L, "November 3, 2025", "Priya N. Ramaswamy, Esq.", ["Counsel for the Respondent"],
                compact=True)
    C.certificate_ecas(L, "November 3, 2025", "Respondent's Motion to Terminate",
                       "Priya N. Ramaswamy", "the Office of the Chief Counsel, Boston", compact=True)


# ---------------------------------------------------------------------------
@sample(name="15-reopen-in-absentia-respondent", fmt="pdf-scan", seed=115,
        layout=dict(spacing=1.5, smart_quotes=True, page_numbers=True),
        scan=scan(dpi=200, angle=-1.2, quality=50),
        expected=dict(filer="respondent", motion_type="reopen", removal=[], nationality="MX",
                      a_number="088412655", respondent="HERNANDEZ OROZCO, Luis Alberto",
                      court="Los Angeles, CA", detained=False,
                      hard_cases=["past-removal-order-not-a-proposal", "redacted-a-number-citation",
                                  "respondent-motion"]))
def s15(L):
    C.counsel_block(L, ["Samuel K. Adeyemi, Esq.", "Adeyemi Law Group", "3055 Wilshire Boulevard, Suite 1120",
                        "Los Angeles, CA 90010", "Counsel for the Respondent"], marker="NON-DETAINED")
    C.court_caption(L, "LOS ANGELES, CALIFORNIA")
    C.matter_paren(L, "HERNANDEZ OROZCO, Luis Alberto", "A088-412-655", judge="Hon. Gloria M. Tran",
                   hearing="None scheduled")
    C.title(L, "RESPONDENT'S MOTION TO REOPEN AND RESCIND IN ABSENTIA ORDER OF REMOVAL")
    L.para("The respondent, a native and citizen of Mexico, moves the Court to reopen these proceedings "
           "and rescind the order entered in his absence on February 12, 2025. INA \u00a7 240(c)(7); "
           "INA \u00a7 240(b)(5)(C)(ii); 8 C.F.R. \u00a7 1003.23(b). On that date the Court ordered the "
           "respondent removed to Mexico in absentia after he failed to appear for a master calendar "
           "hearing.")
    L.para("The respondent did not receive notice of that hearing. The hearing notice was mailed to an "
           "address in Pomona, California, at which he had not lived since 2023, and the record shows "
           "that he filed a Form EOIR-33 giving his new address in Los Angeles on October 2, 2023. "
           "Because the notice was not sent to his most recent address, the order must be rescinded. "
           "See <i>Matter of G-Y-R-</i>, 23 I&N Dec. 181 (BIA 2001); <i>In re Doe</i>, AXXX XXX 702 "
           "(BIA Mar. 4, 2019) (unpublished).")
    L.para("The respondent has lived in the United States since 2009, has two United States citizen "
           "children, and intends to apply for cancellation of removal. He has appeared at every "
           "prior hearing. The motion is supported by his declaration and a copy of the change of "
           "address form, attached at Tabs A and B.")
    L.para("WHEREFORE, the respondent respectfully requests that the Court reopen these proceedings, "
           "rescind the in absentia order, and set this matter for a master calendar hearing.")
    C.signature(L, "June 3, 2025", "Samuel K. Adeyemi, Esq.", ["Counsel for the Respondent"])
    C.certificate_ecas(L, "June 3, 2025", "Motion to Reopen", "Samuel K. Adeyemi",
                       "the Office of the Chief Counsel, Los Angeles")


# ---------------------------------------------------------------------------
@sample(name="16-reconsider-honduras-formal-agreement", fmt="pdf-scan", seed=116,
        layout=dict(spacing=1.5),
        scan=scan(dpi=200, angle=0.3, quality=47, holes=True, speckle=0.0008),
        expected=dict(filer="dhs", motion_type="reconsider", removal=["HN"], nationality="GT",
                      a_number="213779802", respondent="TZUL PEREZ, Selvin Rolando",
                      court="Oakdale, LA", detained=True,
                      hard_cases=["formal-agreement-name", "dhs-motion-to-reconsider"]))
def s16(L):
    C.dhs_block(L, "Lauren M. Thibodeaux", "New Orleans", "1010 East Whatley Road",
                "Oakdale, LA 71463", marker="DETAINED")
    C.court_caption(L, "OAKDALE, LOUISIANA")
    C.matter_paren(L, "TZUL PEREZ, Selvin Rolando", "A 213-779-802", judge="Hon. Douglas W. Prentice",
                   hearing="September 30, 2025")
    C.title(L, "DHS MOTION TO RECONSIDER THE DENIAL OF ITS MOTION TO PRETERMIT")
    L.para("The Department of Homeland Security moves the Court to reconsider its decision of "
           "August 21, 2025, denying DHS's motion to pretermit the respondent's application for asylum. "
           "INA \u00a7 240(c)(6); 8 C.F.R. \u00a7 1003.23(b)(2). The motion is timely because it is filed "
           "within thirty days of that decision.")
    L.para("The respondent, a native and citizen of Guatemala, is detained at the Central Louisiana ICE "
           "Processing Center. In denying pretermission, the Court found that DHS had not shown that an "
           "agreement was in force on the date of the respondent's arrival. That finding rests on an "
           "error of fact: the Agreement between the Government of the United States of America and the "
           "Government of the Republic of Honduras for Cooperation in the Examination of Protection "
           "Claims entered into force before the respondent arrived, as the notice attached to DHS's "
           "original motion shows.")
    L.para("The decision also did not apply " + CIGM + ", which holds that an Immigration Judge may "
           "pretermit an application without a hearing where the record establishes that the bar in "
           + INA208 + ", applies.")
    L.para("DHS therefore asks the Court to reconsider its decision, grant the motion to pretermit, and "
           "order the respondent removed to Honduras pursuant to that agreement.")
    C.signature(L, "September 12, 2025", "Lauren M. Thibodeaux",
                ["Assistant Chief Counsel", "U.S. Immigration and Customs Enforcement"])
    C.certificate_ecas(L, "September 12, 2025", "DHS Motion to Reconsider", "Lauren M. Thibodeaux",
                       "the respondent's counsel of record")


# ---------------------------------------------------------------------------
@sample(name="17-remand-bia-congo", fmt="pdf-scan", seed=117,
        layout=dict(spacing=1.15),
        scan=scan(dpi=200, angle=-0.9, quality=55),
        expected=dict(filer="respondent", motion_type="remand", removal=[], nationality="CD",
                      a_number="204561937", respondent="MUKENDI KABEYA, Esther",
                      court="Falls Church, VA", detained=None,
                      hard_cases=["bia-caption", "country-pair-drc-vs-congo", "transit-countries",
                                  "feared-country-not-removal"]))
def s17(L):
    C.counsel_block(L, ["Olivia J. Marchand, Esq.", "Capital Area Refugee Advocates",
                        "1400 K Street NW, Suite 910", "Washington, DC 20005", "Counsel for the Respondent"])
    C.court_caption(L, "FALLS CHURCH, VIRGINIA", body="BOARD OF IMMIGRATION APPEALS")
    C.matter_paren(L, "MUKENDI KABEYA, Esther", "A 204-561-937", proceedings="In Removal Proceedings",
                   party="Respondent.")
    C.title(L, "RESPONDENT'S MOTION TO REMAND")
    L.para("The respondent, a native and citizen of the Democratic Republic of the Congo, moves the Board "
           "to remand the record to the Immigration Judge for consideration of new, previously "
           "unavailable evidence. 8 C.F.R. \u00a7 1003.2(c)(4); <i>Matter of Coelho</i>, 20 I&N Dec. 464 "
           "(BIA 1992).")
    L.para("The respondent fears persecution in the Democratic Republic of the Congo on account of her "
           "political opinion. She traveled through Brazil, Panama, and Mexico before reaching the "
           "United States; she is not a national of the neighbouring Republic of the Congo and has never "
           "lived there. While her appeal was pending she obtained a warrant issued for her arrest in "
           "Kinshasa in March 2025 and a sworn statement from a fellow party member, both attached. This "
           "evidence was not available at the time of the hearing and would likely change the result.")
    L.para("The respondent respectfully asks the Board to remand the record to the Immigration Court "
           "for further proceedings.")
    C.signature(L, "May 22, 2025", "Olivia J. Marchand, Esq.", ["Counsel for the Respondent"],
                compact=True)
    C.certificate_ecas(L, "May 22, 2025", "Motion to Remand", "Olivia J. Marchand",
                       "the DHS Office of the Principal Legal Advisor", compact=True)


# ---------------------------------------------------------------------------
@sample(name="18-recalendar-withholding-only", fmt="pdf-scan", seed=118,
        layout=dict(spacing=1.5),
        scan=scan(dpi=200, angle=2.4, quality=58),
        expected=dict(filer="dhs", motion_type="recalendar", removal=[], nationality=None,
                      a_number="098765432", respondent="MARTINEZ LOPEZ, Santos",
                      court="Aurora, CO", detained=True,
                      hard_cases=["withholding-only-proceedings", "no-nationality-stated",
                                  "max-skew"]))
def s18(L):
    C.dhs_block(L, "Christopher A. Lindgren", "Denver", "3130 North Oakland Street",
                "Aurora, CO 80010", marker="DETAINED")
    C.court_caption(L, "AURORA, COLORADO")
    C.matter_paren(L, "MARTINEZ LOPEZ, Santos", "A 098-765-432", proceedings="In Withholding-Only Proceedings",
                   judge="Hon. Naomi E. Sutherland", hearing="To be set")
    C.title(L, "DHS MOTION TO RECALENDAR")
    L.para("The Department of Homeland Security moves the Court to recalendar these withholding-only "
           "proceedings, which were administratively closed on January 19, 2024. 8 C.F.R. "
           "\u00a7 1003.18(c); <i>Matter of Cruz-Valdez</i>, 28 I&N Dec. 326 (A.G. 2021).")
    L.para("The proceedings were closed while the respondent pursued a collateral petition that has now "
           "been denied. The respondent is again in DHS custody at the Denver Contract Detention "
           "Facility. No reason remains to keep the matter off the active docket, and DHS asks that the "
           "Court recalendar it and set a hearing on the respondent's application for withholding of "
           "removal.")
    C.signature(L, "February 17, 2026", "Christopher A. Lindgren", ["Assistant Chief Counsel"],
                compact=True)
    C.certificate_ecas(L, "February 17, 2026", "DHS Motion to Recalendar", "Christopher A. Lindgren",
                       "the respondent's counsel of record", compact=True)


# ---------------------------------------------------------------------------
@sample(name="19-notice-of-filing-other", fmt="pdf-scan", seed=119,
        layout=dict(spacing=1.5),
        scan=scan(dpi=200, angle=-1.5, quality=60, speckle=0.0004),
        expected=dict(filer="dhs", motion_type="other", removal=[], nationality=None,
                      a_number="236410985", respondent="ABUBAKAR, Ismail",
                      court="Phoenix, AZ", detained=None,
                      hard_cases=["other-filing-type", "no-nationality-stated", "no-detention-marker"]))
def s19(L):
    C.dhs_block(L, "Megan R. Halloran", "Phoenix", "2035 North Central Avenue",
                "Phoenix, AZ 85004")
    C.court_caption(L, "PHOENIX, ARIZONA")
    C.matter_paren(L, "ABUBAKAR, Ismail", "A 236-410-985", judge="Hon. Steven K. Arviso",
                   hearing="January 27, 2026")
    C.title(L, "DHS NOTICE OF FILING OF DOCUMENTARY EVIDENCE")
    L.para("The Department of Homeland Security submits the following documents for the Court's "
           "consideration at the respondent's next hearing. The documents have been served on the "
           "respondent together with this notice.")
    for t in ("Tab A   Form I-213, Record of Deportable/Inadmissible Alien (pages 1-4)",
              "Tab B   Form I-862, Notice to Appear, with proof of service (pages 5-7)",
              "Tab C   Certified conviction record, Maricopa County Superior Court (pages 8-15)",
              "Tab D   Form I-261, Additional Charges of Inadmissibility/Deportability (page 16)"):
        L.line(t, indent=36)
    C.signature(L, "December 15, 2025", "Megan R. Halloran", ["Assistant Chief Counsel"],
                compact=True)
    C.certificate_ecas(L, "December 15, 2025", "DHS Notice of Filing and Tabs A through D",
                       "Megan R. Halloran", "the respondent's counsel of record", compact=True)
