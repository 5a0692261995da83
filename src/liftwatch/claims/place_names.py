"""Names of places the knowledge base lacks or resolves wrongly for claims: cities of several airports and
countries with no kb region.

Hand-written: a city such as Moscow stands for several airfields in reporting, and the kb's resolver would
pick one; a country the kb has no region for is still named in reporting in four languages, and its kb
sites stand for it.
"""

from __future__ import annotations

# Cities with several airports (or whose name the kb's airport resolver gets wrong): the anchor airport
# whose surroundings (60 km) stand for the city. "from Moscow" is any Moscow airfield, not one of them.
CITY_ANCHORS: dict[str, str] = {
    "moscow": "UUEE", "moscou": "UUEE", "москва": "UUEE", "москвы": "UUEE", "москву": "UUEE", "موسكو": "UUEE",
    "st. petersburg": "ULLI", "st petersburg": "ULLI", "saint petersburg": "ULLI", "saint-pétersbourg": "ULLI",
    "санкт-петербург": "ULLI", "санкт-петербурга": "ULLI", "petersburg": "ULLI",
    "سان بطرسبورغ": "ULLI", "سانت بطرسبرغ": "ULLI", "بطرسبورغ": "ULLI", "سان بطرسبرغ": "ULLI", "saint petersbourg": "ULLI",
    "петербург": "ULLI", "петербурга": "ULLI",
}  # fmt: skip
CITY_NAMES = {"UUEE": "moscow", "ULLI": "st. petersburg"}  # anchor -> the city's key in claims and JSON

# Countries that reporting on this theatre names and the kb may have no region for: name -> ISO2. A country
# name the kb cannot resolve becomes the set of kb sites registered in that country.
COUNTRIES: dict[str, str] = {
    "mali": "ML", "niger": "NE", "burkina faso": "BF", "chad": "TD", "sudan": "SD", "south sudan": "SS",
    "central african republic": "CF", "car": "CF", "egypt": "EG", "algeria": "DZ", "tunisia": "TN",
    "morocco": "MA", "mauritania": "MR", "senegal": "SN", "guinea": "GN", "equatorial guinea": "GQ",
    "mozambique": "MZ", "madagascar": "MG", "ethiopia": "ET", "eritrea": "ER", "somalia": "SO", "kenya": "KE",
    "cameroon": "CM", "nigeria": "NG", "turkey": "TR", "türkiye": "TR", "turkiye": "TR", "cyprus": "CY",
    "greece": "GR", "malta": "MT", "italy": "IT", "lebanon": "LB", "israel": "IL", "jordan": "JO",
    "iraq": "IQ", "iran": "IR", "saudi arabia": "SA", "united arab emirates": "AE", "uae": "AE", "qatar": "QA",
    "oman": "OM", "yemen": "YE", "armenia": "AM", "azerbaijan": "AZ", "georgia": "GE", "kazakhstan": "KZ",
    "venezuela": "VE", "cuba": "CU", "nicaragua": "NI", "serbia": "RS", "hungary": "HU", "india": "IN",
    "china": "CN", "north korea": "KP", "vietnam": "VN", "myanmar": "MM", "laos": "LA", "spain": "ES",
    "portugal": "PT", "france": "FR", "germany": "DE", "uganda": "UG", "kyrgyzstan": "KG",
    "центральноафриканская республика": "CF", "центральноафриканской республики": "CF", "цар": "CF",
    "мали": "ML", "нигер": "NE", "судан": "SD", "египет": "EG", "алжир": "DZ", "турция": "TR",
    "مالي": "ML", "النيجر": "NE", "السودان": "SD", "مصر": "EG", "الجزائر": "DZ", "تركيا": "TR", "تشاد": "TD",
    # multi-word names in the cases reporting uses them (the hyphen folds to a space), and Arabic names the
    # kb's resolver does not hold
    "центрально африканская республика": "CF", "центрально африканской республики": "CF",
    "центрально африканскую республику": "CF", "саудовская аравия": "SA", "саудовскую аравию": "SA",
    "саудовской аравии": "SA", "буркина фасо": "BF", "кнр": "CN", "кндр": "KP", "юар": "ZA",
    "بوركينا فاسو": "BF", "إيران": "IR", "ايران": "IR", "نيكاراغوا": "NI", "نيكاراجوا": "NI",
    # the other countries of the list in Arabic (a hamza seat, taa marbuta or final yaa written either way
    # matches through ``textkey.fold``); left out: "تونس" and "عمان", each also a capital's name, and "المغرب"
    "جنوب السودان": "SS", "جمهورية أفريقيا الوسطى": "CF", "أفريقيا الوسطى": "CF", "إفريقيا الوسطى": "CF",
    "موريتانيا": "MR", "السنغال": "SN", "غينيا": "GN", "غينيا الاستوائية": "GQ", "موزمبيق": "MZ",
    "مدغشقر": "MG", "إثيوبيا": "ET", "أثيوبيا": "ET", "إريتريا": "ER", "أريتريا": "ER", "الصومال": "SO",
    "كينيا": "KE", "الكاميرون": "CM", "نيجيريا": "NG", "قبرص": "CY", "اليونان": "GR", "مالطا": "MT",
    "إيطاليا": "IT", "لبنان": "LB", "إسرائيل": "IL", "الأردن": "JO", "العراق": "IQ", "السعودية": "SA",
    "المملكة العربية السعودية": "SA", "الإمارات": "AE", "الإمارات العربية المتحدة": "AE", "قطر": "QA",
    "سلطنة عمان": "OM", "اليمن": "YE", "أرمينيا": "AM", "أذربيجان": "AZ", "جورجيا": "GE",
    "كازاخستان": "KZ", "فنزويلا": "VE", "كوبا": "CU", "صربيا": "RS", "المجر": "HU", "الهند": "IN",
    "الصين": "CN", "كوريا الشمالية": "KP", "فيتنام": "VN", "ميانمار": "MM", "إسبانيا": "ES",
    "البرتغال": "PT", "فرنسا": "FR", "ألمانيا": "DE", "أوغندا": "UG", "قيرغيزستان": "KG",
    # European and Asian states that port calls and transits name, in English and Arabic
    "united kingdom": "GB", "britain": "GB", "great britain": "GB", "bulgaria": "BG", "romania": "RO",
    "ukraine": "UA", "poland": "PL", "finland": "FI", "sweden": "SE", "norway": "NO", "estonia": "EE",
    "latvia": "LV", "lithuania": "LT", "netherlands": "NL", "belgium": "BE", "japan": "JP",
    "south korea": "KR", "pakistan": "PK", "afghanistan": "AF", "brazil": "BR", "mexico": "MX",
    "بريطانيا": "GB", "المملكة المتحدة": "GB", "بلغاريا": "BG", "رومانيا": "RO", "أوكرانيا": "UA",
    "بولندا": "PL", "فنلندا": "FI", "السويد": "SE", "النرويج": "NO", "إستونيا": "EE", "لاتفيا": "LV",
    "ليتوانيا": "LT", "هولندا": "NL", "بلجيكا": "BE", "اليابان": "JP", "كوريا الجنوبية": "KR",
    "باكستان": "PK", "أفغانستان": "AF", "البرازيل": "BR", "المكسيك": "MX",
    "arabie saoudite": "SA", "republique centrafricaine": "CF", "emirats arabes unis": "AE", "soudan du sud": "SS",
    # the short names French uses for a whole state: "le Burkina" (Burkina Faso), "l'Angleterre" (the United Kingdom
    # in common use: "quatre bombardiers ... en Angleterre")
    "burkina": "BF", "angleterre": "GB",
}  # fmt: skip
