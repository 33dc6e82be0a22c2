"""Names, places and countries the second evaluation generator draws from.

Everything here was written for this generator from public facts (court
addresses, ISO 3166-1 names, agreement partners named in public reporting); it
does not come from the project's rules or its first generator.
"""

# code: (name in the truth, [ways a filing names it], [demonyms])
COUNTRIES = {
    "HN": ("Honduras", ["Honduras", "the Republic of Honduras"], ["Honduran"]),
    "GT": ("Guatemala", ["Guatemala", "the Republic of Guatemala"], ["Guatemalan"]),
    "SV": ("El Salvador", ["El Salvador", "the Republic of El Salvador"], ["Salvadoran", "Salvadorean"]),
    "MX": ("Mexico", ["Mexico", "the United Mexican States"], ["Mexican"]),
    "VE": ("Venezuela", ["Venezuela", "the Bolivarian Republic of Venezuela"], ["Venezuelan"]),
    "CU": ("Cuba", ["Cuba", "the Republic of Cuba"], ["Cuban"]),
    "CO": ("Colombia", ["Colombia", "the Republic of Colombia"], ["Colombian"]),
    "EC": ("Ecuador", ["Ecuador", "the Republic of Ecuador"], ["Ecuadorian", "Ecuadoran"]),
    "NI": ("Nicaragua", ["Nicaragua", "the Republic of Nicaragua"], ["Nicaraguan"]),
    "HT": ("Haiti", ["Haiti", "the Republic of Haiti"], ["Haitian"]),
    "PE": ("Peru", ["Peru", "the Republic of Peru"], ["Peruvian"]),
    "BR": ("Brazil", ["Brazil", "the Federative Republic of Brazil"], ["Brazilian"]),
    "CN": ("China", ["China", "the People's Republic of China"], ["Chinese"]),
    "IN": ("India", ["India", "the Republic of India"], ["Indian"]),
    "ER": ("Eritrea", ["Eritrea", "the State of Eritrea"], ["Eritrean"]),
    "CM": ("Cameroon", ["Cameroon", "the Republic of Cameroon"], ["Cameroonian"]),
    "CD": ("Congo, The Democratic Republic of the",
           ["the Democratic Republic of the Congo", "the Democratic Republic of Congo"], ["Congolese"]),
    "AF": ("Afghanistan", ["Afghanistan", "the Islamic Republic of Afghanistan"], ["Afghan"]),
    "RU": ("Russian Federation", ["Russia", "the Russian Federation"], ["Russian"]),
    "TR": ("Turkey", ["Turkey", "Türkiye", "the Republic of Türkiye"], ["Turkish"]),
    "MR": ("Mauritania", ["Mauritania", "the Islamic Republic of Mauritania"], ["Mauritanian"]),
    "SN": ("Senegal", ["Senegal", "the Republic of Senegal"], ["Senegalese"]),
    "GN": ("Guinea", ["Guinea", "the Republic of Guinea"], ["Guinean"]),
    "NE": ("Niger", ["Niger", "the Republic of the Niger"], ["Nigerien"]),
    "NG": ("Nigeria", ["Nigeria", "the Federal Republic of Nigeria"], ["Nigerian"]),
    "ET": ("Ethiopia", ["Ethiopia", "the Federal Democratic Republic of Ethiopia"], ["Ethiopian"]),
    "VN": ("Viet Nam", ["Vietnam", "the Socialist Republic of Vietnam"], ["Vietnamese"]),
    "DO": ("Dominican Republic", ["the Dominican Republic"], ["Dominican"]),
    "UG": ("Uganda", ["Uganda", "the Republic of Uganda"], ["Ugandan"]),
    "PY": ("Paraguay", ["Paraguay", "the Republic of Paraguay"], ["Paraguayan"]),
    "PA": ("Panama", ["Panama", "the Republic of Panama"], ["Panamanian"]),
    "CR": ("Costa Rica", ["Costa Rica", "the Republic of Costa Rica"], ["Costa Rican"]),
    "SZ": ("Eswatini", ["Eswatini", "the Kingdom of Eswatini (formerly Swaziland)", "the Kingdom of Eswatini"],
           ["Swazi"]),
    "SS": ("South Sudan", ["South Sudan", "the Republic of South Sudan"], ["South Sudanese"]),
    "RW": ("Rwanda", ["Rwanda", "the Republic of Rwanda"], ["Rwandan"]),
    "GH": ("Ghana", ["Ghana", "the Republic of Ghana"], ["Ghanaian"]),
    "GQ": ("Equatorial Guinea", ["Equatorial Guinea", "the Republic of Equatorial Guinea"], ["Equatoguinean"]),
    "UZ": ("Uzbekistan", ["Uzbekistan", "the Republic of Uzbekistan"], ["Uzbek"]),
    "BZ": ("Belize", ["Belize"], ["Belizean"]),
}

# Who may be sent where, as advocates describe the agreements' coverage.
ACA_PARTNERS = ["HN", "GT", "EC", "UG", "PY"]
THIRD_COUNTRIES = ["PA", "CR", "SZ", "SS", "RW", "GH", "GQ", "UZ", "MX", "BZ", "SV"]
NATIONALITIES_LATAM = ["HN", "GT", "SV", "VE", "CU", "CO", "EC", "NI", "HT", "PE", "BR", "DO", "MX"]
NATIONALITIES_OTHER = ["CN", "IN", "ER", "CM", "CD", "AF", "RU", "TR", "MR", "SN", "GN", "NE", "NG", "ET", "VN"]

# city, state abbreviation, state name, a street address of the court
COURTS = [
    ("Dallas", "TX", "Texas", "1100 Commerce Street, Suite 1060"),
    ("Houston", "TX", "Texas", "600 Jefferson Street, Suite 900"),
    ("San Antonio", "TX", "Texas", "800 Dolorosa Street, Suite 300"),
    ("El Paso", "TX", "Texas", "700 E. San Antonio Avenue, Room 750"),
    ("Harlingen", "TX", "Texas", "2009 W. Jefferson Avenue, Suite 300"),
    ("Atlanta", "GA", "Georgia", "401 W. Peachtree Street, Suite 2600"),
    ("Miami", "FL", "Florida", "333 South Miami Avenue, Suite 700"),
    ("Orlando", "FL", "Florida", "3535 Lawton Road, Suite 200"),
    ("New York", "NY", "New York", "26 Federal Plaza, 12th Floor"),
    ("Newark", "NJ", "New Jersey", "970 Broad Street, Room 1200"),
    ("Chicago", "IL", "Illinois", "525 West Van Buren Street, Suite 500"),
    ("Los Angeles", "CA", "California", "606 S. Olive Street, 15th Floor"),
    ("San Francisco", "CA", "California", "100 Montgomery Street, Suite 800"),
    ("San Diego", "CA", "California", "401 West A Street, Suite 800"),
    ("Phoenix", "AZ", "Arizona", "250 N. 7th Avenue, Suite 300"),
    ("Denver", "CO", "Colorado", "1961 Stout Street, Suite 3101"),
    ("Seattle", "WA", "Washington", "1000 Second Avenue, Suite 2500"),
    ("Boston", "MA", "Massachusetts", "15 New Sudbury Street, Room 320"),
    ("Baltimore", "MD", "Maryland", "31 Hopkins Plaza, Room 440"),
    ("Charlotte", "NC", "North Carolina", "5701 Executive Center Drive, Suite 400"),
    ("Memphis", "TN", "Tennessee", "80 Monroe Avenue, Suite 501"),
    ("New Orleans", "LA", "Louisiana", "1155 Canal Street, Suite 300"),
    ("Omaha", "NE", "Nebraska", "1717 Avenue H, Suite 300"),
    ("Kansas City", "MO", "Missouri", "2345 Grand Boulevard, Suite 525"),
    ("Las Vegas", "NV", "Nevada", "110 N. City Parkway, Suite 400"),
    ("Philadelphia", "PA", "Pennsylvania", "900 Market Street, Suite 504"),
    ("Cleveland", "OH", "Ohio", "801 W. Superior Avenue, Suite 13-100"),
    ("Salt Lake City", "UT", "Utah", "2975 Decker Lake Drive, Suite 200"),
]

GIVEN_F = ["Maria Fernanda", "Yesenia", "Karla Patricia", "Ana Lucia", "Dania", "Rosa Elvira", "Wendy Carolina",
           "Mirna", "Gabriela", "Keila Yamileth", "Luz Marina", "Esperanza", "Daniela", "Yuliana", "Sandra Milena",
           "Fatoumata", "Aissatou", "Mei Ling", "Tigist", "Nadia", "Olga", "Priya", "Grace", "Marie Claire"]
GIVEN_M = ["Carlos", "Jose Luis", "Marvin Estuardo", "Wilmer", "Jorge Alberto", "Luis Fernando", "Edwin",
           "Oscar Danilo", "Kevin Josue", "Brayan", "Yoandry", "Elvis", "Juan Carlos", "Denis", "Mamadou",
           "Ousmane", "Tesfaye", "Wei", "Rajesh", "Arslan", "Dmitri", "Emmanuel", "Jean Robert", "Chad", "Jordan"]
SURNAMES = ["MENDOZA LOPEZ", "HERNANDEZ CRUZ", "CASTRO DIAZ", "ZELAYA PINEDA", "GARCIA", "AJXUP TZOC", "PEREZ MEJIA",
            "RIVAS ORELLANA", "CHAVEZ", "VASQUEZ DE LEON", "MORALES", "RODRIGUEZ SOSA", "QUISPE MAMANI",
            "BARRIOS", "FLORES ALVARADO", "NUNEZ", "DIALLO", "BARRY", "TESFAMARIAM", "LIU", "PATEL", "OKAFOR",
            "KHAN", "IVANOV", "PIERRE", "JEAN-BAPTISTE", "ISRAEL", "GEORGIA", "MUKENDI", "NGUYEN", "SALAZAR"]

JUDGES = ["Rebecca L. Holt", "Marcus T. Greene", "Ana M. Villarreal", "David K. O'Neal", "Sharon Whitfield",
          "Thomas J. Brennan", "Linh Tran", "Robert A. Castillo", "Judith Pearlman", "Kevin Ashby"]
DHS_ATTORNEYS = ["Jennifer M. Kowalski", "Brian R. Tate", "Alicia Duarte", "Michael P. Stroud", "Hannah Lee",
                 "Daniel Ferraro", "Keisha Monroe", "Steven Yoo"]
RESP_ATTORNEYS = [("Laura Benitez, Esq.", "Benitez & Ochoa Immigration Law PLLC"),
                  ("Samuel Okonkwo", "Okonkwo Law Group"),
                  ("Rachel Stein, Esq.", "Catholic Charities Immigration Legal Services"),
                  ("Tomas Arriaga", "Frontera Defense Project"),
                  ("Megan Kurtz", "Kurtz Immigration Law, LLC"),
                  ("Ibrahim Sow", "Community Legal Aid Society")]
STREETS = ["125 E. John Carpenter Fwy., Suite 500", "8940 Fourwinds Drive, 2nd Floor", "1 Federal Plaza, Room 1130",
           "606 S. Olive Street, 8th Floor", "2245 Main Street", "4400 N. Federal Highway, Suite 210"]
MEX_SHELTERS = ["Albergue Buen Pastor, Calle Ignacio Allende 1215, Ciudad Juarez, Chihuahua",
                "Casa del Migrante, Calle Galileo 239, Tijuana, Baja California",
                "Albergue Senda de Vida, Reynosa, Tamaulipas"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
