"""The world the filings are set in: countries, courts, people, places.

Every person here is fictional; street addresses are invented.  Court cities are
real immigration-court locations.
"""

# code: (record name, running-text form, formal name or None, demonym or None)
# The running-text form carries "the" where English needs it.  Demonyms are left
# out where they are ambiguous ("Dominican", "Congolese", "Guinean" for the Guineas).
COUNTRIES = {
    "AF": ("Afghanistan", "Afghanistan", None, "Afghan"),
    "AG": ("Antigua and Barbuda", "Antigua and Barbuda", None, None),
    "AO": ("Angola", "Angola", "the Republic of Angola", "Angolan"),
    "BD": ("Bangladesh", "Bangladesh", "the People's Republic of Bangladesh", "Bangladeshi"),
    "BR": ("Brazil", "Brazil", "the Federative Republic of Brazil", "Brazilian"),
    "BZ": ("Belize", "Belize", None, "Belizean"),
    "CD": ("Democratic Republic of the Congo", "the Democratic Republic of the Congo", None, None),
    "CG": ("Republic of the Congo", "the Republic of the Congo", None, None),
    "CM": ("Cameroon", "Cameroon", "the Republic of Cameroon", "Cameroonian"),
    "CN": ("China", "China", "the People's Republic of China", "Chinese"),
    "CO": ("Colombia", "Colombia", "the Republic of Colombia", "Colombian"),
    "CR": ("Costa Rica", "Costa Rica", "the Republic of Costa Rica", "Costa Rican"),
    "CU": ("Cuba", "Cuba", "the Republic of Cuba", "Cuban"),
    "DM": ("Dominica", "Dominica", "the Commonwealth of Dominica", None),
    "DO": ("Dominican Republic", "the Dominican Republic", None, None),
    "EC": ("Ecuador", "Ecuador", "the Republic of Ecuador", "Ecuadorian"),
    "ER": ("Eritrea", "Eritrea", "the State of Eritrea", "Eritrean"),
    "ET": ("Ethiopia", "Ethiopia", "the Federal Democratic Republic of Ethiopia", "Ethiopian"),
    "GE": ("Georgia", "Georgia", None, None),
    "GH": ("Ghana", "Ghana", "the Republic of Ghana", "Ghanaian"),
    "GN": ("Guinea", "Guinea", "the Republic of Guinea", None),
    "GQ": ("Equatorial Guinea", "Equatorial Guinea", "the Republic of Equatorial Guinea", None),
    "GT": ("Guatemala", "Guatemala", "the Republic of Guatemala", "Guatemalan"),
    "GW": ("Guinea-Bissau", "Guinea-Bissau", "the Republic of Guinea-Bissau", None),
    "HN": ("Honduras", "Honduras", "the Republic of Honduras", "Honduran"),
    "HT": ("Haiti", "Haiti", "the Republic of Haiti", "Haitian"),
    "IN": ("India", "India", "the Republic of India", "Indian"),
    "JM": ("Jamaica", "Jamaica", None, "Jamaican"),
    "KN": ("Saint Kitts and Nevis", "Saint Kitts and Nevis", "the Federation of Saint Kitts and Nevis", None),
    "LB": ("Lebanon", "Lebanon", "the Lebanese Republic", "Lebanese"),
    "MR": ("Mauritania", "Mauritania", "the Islamic Republic of Mauritania", "Mauritanian"),
    "MX": ("Mexico", "Mexico", "the United Mexican States", "Mexican"),
    "NE": ("Niger", "Niger", "the Republic of the Niger", None),
    "NG": ("Nigeria", "Nigeria", "the Federal Republic of Nigeria", "Nigerian"),
    "NI": ("Nicaragua", "Nicaragua", "the Republic of Nicaragua", "Nicaraguan"),
    "NP": ("Nepal", "Nepal", None, "Nepali"),
    "PA": ("Panama", "Panama", "the Republic of Panama", "Panamanian"),
    "PE": ("Peru", "Peru", "the Republic of Peru", "Peruvian"),
    "PW": ("Palau", "Palau", "the Republic of Palau", None),
    "PY": ("Paraguay", "Paraguay", "the Republic of Paraguay", "Paraguayan"),
    "RU": ("Russia", "Russia", "the Russian Federation", "Russian"),
    "RW": ("Rwanda", "Rwanda", "the Republic of Rwanda", "Rwandan"),
    "SD": ("Sudan", "Sudan", "the Republic of the Sudan", "Sudanese"),
    "SN": ("Senegal", "Senegal", "the Republic of Senegal", "Senegalese"),
    "SS": ("South Sudan", "South Sudan", "the Republic of South Sudan", None),
    "SV": ("El Salvador", "El Salvador", "the Republic of El Salvador", "Salvadoran"),
    "SZ": ("Eswatini", "Eswatini", "the Kingdom of Eswatini", None),
    "TR": ("T\u00fcrkiye", "Turkey", None, "Turkish"),
    "UG": ("Uganda", "Uganda", "the Republic of Uganda", "Ugandan"),
    "UZ": ("Uzbekistan", "Uzbekistan", "the Republic of Uzbekistan", "Uzbek"),
    "VE": ("Venezuela", "Venezuela", "the Bolivarian Republic of Venezuela", "Venezuelan"),
}

# Extra spellings that must be accounted for when the text is checked for
# country names nobody registered (see render.check).
EXTRA_FORMS = {
    "BZ": ["British Honduras"], "SZ": ["Swaziland"], "CD": ["DRC", "Congo"], "CG": ["Congo"],
    "TR": ["Turkey"], "PY": ["Paraguay"],
}

# Where hyphenation may split a name at a line end (syllable boundaries).
SPLITS = {
    "Honduras": ["Hon-duras", "Hondu-ras"], "Guatemala": ["Guate-mala", "Gua-temala"],
    "Ecuador": ["Ecua-dor", "Ecu-ador"], "Uganda": ["Ugan-da", "U-ganda"],
    "Venezuela": ["Vene-zuela", "Venezue-la"], "Nicaragua": ["Nica-ragua", "Nicara-gua"],
    "Colombia": ["Colom-bia", "Co-lombia"], "Eswatini": ["Eswa-tini", "Es-watini"],
    "Rwanda": ["Rwan-da"], "Cameroon": ["Came-roon", "Cam-eroon"],
    "Uzbekistan": ["Uzbe-kistan", "Uzbeki-stan"], "Mexico": ["Mex-ico", "Mexi-co"],
    "Panama": ["Pan-ama", "Pana-ma"], "Paraguay": ["Para-guay"], "Salvador": ["Salva-dor", "Sal-vador"],
    "Mauritania": ["Mauri-tania", "Mau-ritania"], "Afghanistan": ["Afghan-istan", "Af-ghanistan"],
    "Senegal": ["Sene-gal"], "Ghana": ["Gha-na"], "Palau": ["Pa-lau"],
    "Dominica": ["Domi-nica", "Do-minica"],
}

ACA = ["HN", "HN", "HN", "GT", "EC", "UG"]          # invoked partners, Honduras most often
ACA_ALL = ["HN", "GT", "EC", "UG", "PY", "BZ"]       # signed
THIRD = ["MX", "PA", "CR", "SV", "SZ", "SS", "RW", "GH", "GQ", "CM", "UZ", "AG", "DM", "KN", "PW"]

# Nationalities, weighted roughly as in the dockets.
NATIONALITIES = (["VE"] * 6 + ["CU"] * 4 + ["HN"] * 4 + ["GT"] * 4 + ["SV"] * 3 + ["NI"] * 3
                 + ["CO"] * 3 + ["EC"] * 3 + ["PE"] * 2 + ["HT"] * 3 + ["MX"] * 3 + ["IN"] * 2
                 + ["CN"] * 2 + ["RU"] + ["AF"] + ["MR"] * 2 + ["SN"] * 2 + ["CD"] + ["BR"]
                 + ["NG"] + ["ER"] + ["ET"] + ["TR"] + ["UZ"] + ["NP"] + ["BD"] + ["AO"] + ["CM"])

# Name style by nationality.
STYLE = {
    "VE": "hisp", "CU": "hisp", "HN": "hisp", "GT": "hisp", "SV": "hisp", "NI": "hisp", "CO": "hisp",
    "EC": "hisp", "PE": "hisp", "MX": "hisp", "DO": "hisp", "PA": "hisp", "BZ": "hisp",
    "HT": "hait", "BR": "braz", "IN": "ind", "NP": "nep", "BD": "bang", "CN": "chin", "RU": "rus",
    "UZ": "uzb", "GE": "geo", "TR": "turk", "AF": "afg", "MR": "wafr", "SN": "wafr", "GN": "wafr",
    "GW": "wafr", "NE": "wafr", "CD": "cafr", "CG": "cafr", "AO": "cafr", "CM": "cafr",
    "NG": "nig", "GH": "nig", "ER": "eafr", "ET": "eafr", "SD": "eafr", "SS": "eafr",
}

NAMES = {
    "hisp": {
        "m": ["Jose Luis", "Carlos", "Yeferson", "Kevin Alexander", "Wilmer", "Luis Enrique", "Darwin",
              "Jairo", "Oscar Danilo", "Brayan", "Edwin Rolando", "Anderson", "Yoel", "Reinaldo",
              "Fredy", "Marlon", "Elvis Omar", "Juan Pablo", "Denis", "Rigoberto", "Yunior"],
        "f": ["Maria Jose", "Yessenia", "Daniela", "Karen Julissa", "Glenda", "Ana Lucia", "Yuleisy",
              "Sindy", "Marbelis", "Rosa Elena", "Dayana", "Heidy", "Lisbeth", "Mayra Alejandra",
              "Keila", "Osmaida", "Wendy Carolina", "Nairobi", "Yaneth"],
        "sur": ["GARCIA", "HERNANDEZ", "LOPEZ", "MARTINEZ", "RODRIGUEZ", "PEREZ", "CASTRO", "MEJIA",
                "ORELLANA", "AGUILAR", "ZAMORA", "VASQUEZ", "PAZ", "ESCOBAR", "MEDINA", "ROJAS",
                "QUINTERO", "ALVARADO", "CRUZ", "FLORES", "SANDOVAL", "ARGUETA", "BARAHONA",
                "VILLATORO", "CARDONA", "MONCADA", "TORRES", "GUERRERO", "BRICENO", "FAJARDO",
                "OSORIO", "PINEDA", "TEJADA", "CHAVARRIA", "SOLORZANO", "LEIVA", "MOLINA"],
        "two": True,
    },
    "hait": {"m": ["Wilner", "Jean Robert", "Jameson", "Ronald", "Kervens", "Fritzner", "Wisly"],
             "f": ["Marie Carmelle", "Guerline", "Fabiola", "Nadege", "Rose Merline", "Wislande"],
             "sur": ["PIERRE", "JOSEPH", "CHARLES", "LOUIS-JEAN", "DORVIL", "ETIENNE", "MOMPREMIER",
                     "SAINT-FLEUR", "JEUNE", "CADET", "DESROSIERS"], "two": False},
    "braz": {"m": ["Thiago", "Rafael", "Leandro"], "f": ["Juliana", "Camila", "Larissa"],
             "sur": ["OLIVEIRA", "SOUZA", "PEREIRA", "ALMEIDA", "RIBEIRO"], "two": True},
    "ind": {"m": ["Gurpreet", "Harjit", "Manpreet", "Rahul", "Vikram"],
            "f": ["Simranjeet", "Priyanka", "Harleen"],
            "sur": ["SINGH", "KAUR", "PATEL", "SHARMA", "GILL", "SANDHU"], "two": False},
    "nep": {"m": ["Bikash", "Suman", "Pemba"], "f": ["Sabina", "Anjali"],
            "sur": ["GURUNG", "TAMANG", "SHERPA", "THAPA"], "two": False},
    "bang": {"m": ["Mohammad Rakib", "Tanvir"], "f": ["Nusrat"], "sur": ["HOSSAIN", "RAHMAN", "UDDIN"],
             "two": False},
    "chin": {"m": ["Wei", "Jianguo", "Hao"], "f": ["Xiuying", "Mei Ling", "Yan"],
             "sur": ["LIN", "CHEN", "ZHENG", "WANG", "ZHAO"], "two": False},
    "rus": {"m": ["Dmitrii", "Aleksandr", "Ruslan"], "f": ["Ekaterina", "Olga"],
            "sur": ["IVANOV", "SMIRNOV", "KUZNETSOV", "MAGOMEDOV", "PETROV"], "two": False},
    "uzb": {"m": ["Sardor", "Jasur", "Bekzod"], "f": ["Dilnoza", "Madina"],
            "sur": ["KARIMOV", "YUSUPOV", "TOSHMATOV", "RAHIMOV"], "two": False},
    "geo": {"m": ["Giorgi", "Levan"], "f": ["Nino", "Tamar"],
            "sur": ["BERIDZE", "KAPANADZE", "GELASHVILI"], "two": False},
    "turk": {"m": ["Emre", "Mehmet"], "f": ["Zeynep"], "sur": ["YILMAZ", "KAYA", "DEMIR"], "two": False},
    "afg": {"m": ["Ahmad Shah", "Mohammad Nabi", "Sayed"], "f": ["Fariba", "Zahra"],
            "sur": ["AHMADI", "RAHIMI", "NOORI", "SAFI", "HAIDARI"], "two": False},
    "wafr": {"m": ["Mamadou", "Oumar", "Cheikh", "Moussa", "Abdoulaye", "Ibrahima"],
             "f": ["Aissata", "Fatimata", "Mariama", "Khady"],
             "sur": ["DIALLO", "SALL", "BA", "KANE", "SY", "DIOP", "NDIAYE", "FALL", "SOW", "CAMARA"],
             "two": False},
    "cafr": {"m": ["Patrick", "Jonathan", "Dieudonne", "Christian", "Blaise"],
             "f": ["Esther", "Grace", "Merveille", "Nadine"],
             "sur": ["ILUNGA", "TSHIBANDA", "MBUYI", "KASONGO", "NGOMA", "MAKAYA", "FOTSO", "NJOYA"],
             "two": False},
    "nig": {"m": ["Chinedu", "Emeka", "Tunde", "Kwame", "Kofi"], "f": ["Ngozi", "Adaeze", "Akosua"],
            "sur": ["OKAFOR", "ADEYEMI", "BELLO", "NWOSU", "MENSAH", "OWUSU"], "two": False},
    "eafr": {"m": ["Yonas", "Dawit", "Abdelrahman", "Deng"], "f": ["Selam", "Hiwet", "Nyandeng"],
             "sur": ["TESFAYE", "GEBREMEDHIN", "HAILE", "OSMAN", "GARANG", "MAJOK"], "two": False},
}

# Given names that are also country names (a trap for the gazetteer).
COUNTRY_GIVEN = {"m": [("Jordan", "JO"), ("Chad", "TD"), ("Israel", "IL")],
                 "f": [("Georgia", "GE"), ("Kenya", "KE"), ("India", "IN")]}

LAWYER_FIRST = ["Daniel", "Rebecca", "Marcus", "Allison", "Terrence", "Joanna", "Hugo", "Priscilla",
                "Gabriel", "Renee", "Nathaniel", "Corinne", "Desmond", "Lorena", "Felix", "Miriam",
                "Tobias", "Evelyn", "Adrian", "Catalina", "Wesley", "Ingrid", "Rafael", "Yvonne"]
LAWYER_FIRST_TRAP = [("Jordan", "JO"), ("Chad", "TD"), ("Israel", "IL"), ("Georgia", "GE")]
LAWYER_MID = "ABCDEFGHJKLMNPRSTW"
LAWYER_LAST = ["Holloway", "Vandermeer", "Okafor-Reyes", "Castellano", "Whitfield", "Nakashima",
               "Brennan", "Szymanski", "Delacroix", "Abernathy", "Lindqvist", "Moreland", "Quiroga",
               "Pemberton", "Oyelowo", "Haverford", "Galloway", "Ferreira", "Thornbury", "Achterberg",
               "Kowalski", "Duquesne", "Ellsworth", "Marchetti", "Sorensen", "Valdivia", "Radcliffe"]

ORGS = ["Southern Border Immigrant Defense Project", "Liberty Street Legal Aid", "Casa Esperanza Legal Services",
        "Bluebonnet Immigration Clinic", "Harbor Light Refugee Law Center", "Tri-County Immigrant Justice",
        "Valdivia & Moreland, LLP", "Law Office of Ellsworth & Quiroga", "Northstar Asylum Advocates",
        "Peachtree Immigrant Rights Collaborative", "Frontera Defense Collective"]

# Immigration courts: (city, state, ST, court name or None, detention facility or None, detained court?)
COURTS = [
    ("Atlanta", "Georgia", "GA", None, None, False),
    ("Lumpkin", "Georgia", "GA", "Stewart Immigration Court", "Stewart Detention Center", True),
    ("Folkston", "Georgia", "GA", "Folkston Immigration Court", "Folkston ICE Processing Center", True),
    ("Chaparral", "New Mexico", "NM", "Otero Immigration Court", "Otero County Processing Center", True),
    ("El Paso", "Texas", "TX", None, "El Paso Service Processing Center", True),
    ("Harlingen", "Texas", "TX", None, "Port Isabel Service Processing Center", False),
    ("Houston", "Texas", "TX", None, None, False),
    ("Conroe", "Texas", "TX", None, "Montgomery Processing Center", True),
    ("Dallas", "Texas", "TX", None, None, False),
    ("San Antonio", "Texas", "TX", None, None, False),
    ("New York", "New York", "NY", None, None, False),
    ("Batavia", "New York", "NY", None, "Buffalo Federal Detention Facility", True),
    ("Miami", "Florida", "FL", None, "Krome North Service Processing Center", False),
    ("Orlando", "Florida", "FL", None, None, False),
    ("Newark", "New Jersey", "NJ", None, None, False),
    ("Elizabeth", "New Jersey", "NJ", None, "Elizabeth Detention Center", True),
    ("Baltimore", "Maryland", "MD", None, None, False),
    ("Annandale", "Virginia", "VA", None, None, False),
    ("Charlotte", "North Carolina", "NC", None, None, False),
    ("Memphis", "Tennessee", "TN", None, None, False),
    ("Jena", "Louisiana", "LA", None, "Central Louisiana ICE Processing Center", True),
    ("Oakdale", "Louisiana", "LA", None, "Federal Detention Center Oakdale", True),
    ("Chicago", "Illinois", "IL", None, None, False),
    ("Boston", "Massachusetts", "MA", None, None, False),
    ("Los Angeles", "California", "CA", None, None, False),
    ("Adelanto", "California", "CA", None, "Adelanto ICE Processing Center", True),
    ("San Francisco", "California", "CA", None, None, False),
    ("Otay Mesa", "California", "CA", None, "Otay Mesa Detention Center", True),
    ("Eloy", "Arizona", "AZ", None, "Eloy Detention Center", True),
    ("Phoenix", "Arizona", "AZ", None, None, False),
    ("Aurora", "Colorado", "CO", None, "Denver Contract Detention Facility", True),
    ("Tacoma", "Washington", "WA", None, "Northwest ICE Processing Center", True),
    ("Kansas City", "Missouri", "MO", None, None, False),
    ("Philadelphia", "Pennsylvania", "PA", None, None, False),
]

AREA = {"GA": "404", "NM": "575", "TX": "915", "NY": "212", "FL": "305", "NJ": "973", "MD": "410",
        "VA": "703", "NC": "704", "TN": "901", "LA": "318", "IL": "312", "MA": "617", "CA": "213",
        "AZ": "520", "CO": "303", "WA": "253", "MO": "816", "PA": "215"}

# States whose name is a country: the court caption itself holds a trap.
STATE_COUNTRY = {"Georgia": "GE", "New Mexico": "MX"}

# Street addresses of fictional offices, by nothing in particular.
STREETS = ["1100 Commerce Plaza Drive, Suite 410", "77 Federal Center Way, Room 2200",
           "2901 Meridian Avenue, Suite 650", "450 Harbor Point Boulevard, 8th Floor",
           "16 Courthouse Square, Suite 300", "3800 Riverbend Parkway, Suite 120",
           "901 Lakeview Terrace, Room 517", "240 Granite Street, Suite 900",
           "5120 Old Mill Road, Building C", "68 Liberty Row, Suite 1400"]

ZIPS = {"GA": "31815", "NM": "88081", "TX": "77060", "NY": "10278", "FL": "33194", "NJ": "07102",
        "MD": "21201", "VA": "22003", "NC": "28212", "TN": "38103", "LA": "71342", "IL": "60603",
        "MA": "02110", "CA": "92301", "AZ": "85131", "CO": "80010", "WA": "98421", "MO": "64106",
        "PA": "19106"}

# US places named like countries (for venue changes and relatives' addresses).
# (text, code it looks like, the country word inside the text)
US_PLACES = [
    ("Jamaica, Queens, New York", "JM", "Jamaica"),
    ("Lebanon, Pennsylvania", "LB", "Lebanon"),
    ("Peru, Illinois", "PE", "Peru"),
    ("Panama City, Florida", "PA", "Panama"),
    ("Columbia, South Carolina", None, None),
    ("Jamaica, New York", "JM", "Jamaica"),
    ("Santa Teresa, New Mexico", "MX", "Mexico"),
    ("Albuquerque, New Mexico", "MX", "Mexico"),
    ("Savannah, Georgia", "GE", "Georgia"),
    ("Gainesville, Georgia", "GE", "Georgia"),
]

BORDER_PLACES = ["Eagle Pass, Texas", "Del Rio, Texas", "Hidalgo, Texas", "Brownsville, Texas",
                 "Lukeville, Arizona", "Sasabe, Arizona", "Calexico, California", "Yuma, Arizona",
                 "Laredo, Texas", "San Ysidro, California", "Sunland Park, New Mexico"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def name(code):
    return COUNTRIES[code][0]


def text(code):
    return COUNTRIES[code][1]


def formal(code):
    return COUNTRIES[code][2]


def demonym(code):
    return COUNTRIES[code][3]


def country(code):
    return {"code": code, "name": COUNTRIES[code][0]}
