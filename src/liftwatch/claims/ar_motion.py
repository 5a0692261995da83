"""Arabic verbs of motion ``cues.MOVE`` did not know: a clause told with one of them was no movement.

Arabic reporting says a plane landed with "نزل" as well as "هبط" and "حط" ("نزلت طائرة شحن في مطار مصراتة"), and
that a ship or plane brought its load with "جلب" ("سفينة جلبت مساعدات إلى لبنان"). Some print spells "إلى" (to)
with a final yaa, "الي" ("توجهت القافلة الي ميناء"): the cue of the destination reads it as it reads "إلى" and "الى".

Measured and left out (on the development corpus without the held-back part each filled more wrong fields than right
ones): the verb of shipping ("شحنت أسلحة من راسون إلى ميناء فوستوشني", "تم شحن"), and sending or dispatching told
by the verbal nouns "إرسال" and "تسيير" or the verb "يسيّر" with a goal after them ("إرسال قوة دولية إلى هايتي",
"تسيير الطائرة الإغاثية إلى مطار غازي عنتاب"); see ``docs/claim-rounds.md``.
"""

from __future__ import annotations

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START

AR_MOVES = (
    rf"{AR_WORD_START}[وف]?(?:نزل(?:ت|تا|وا)?|[تي]نزل|نزول\S*){AR_WORD_END}|"
    rf"{AR_WORD_START}[وف]?(?:جلب(?:ت|تا|وا)?|[تي]جلب){AR_WORD_END}"
)

# where the carrier alighted: the verb or its noun, its subject (no comma or full stop between), then "في", "ب" or
# "إلى" ("نزلت طائرة شحن مالديفية مستأجرة في مطار"), as ``ar_arrivals.AR_LANDED_AT`` reads "هبطت" and "حطت"
AR_ALIGHTED_AT = r"(?:ل?ت|ل?ي)?(?:نزل|نزول)\S*(?:\s+[^\s،,.؛]+){0,14}?\s+(?:في|ب|إلى|الى)"

# "to" written with a final yaa for its alif maqsura, as some print spells "إلى" ("توجهت الي ميناء", "في طريقها الي
# ميناء"); not "in addition to" ("اضافة الي")
AR_TO_WITH_YAA = r"(?<!اضافة\s)(?<!إضافة\s)(?<!بالاضافة\s)(?<!بالإضافة\s)الي"
