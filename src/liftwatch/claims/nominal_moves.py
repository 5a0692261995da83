"""Movements told by a noun of going or sending, or by a form of bringing or carrying, that ``cues.MOVE`` left out.

A clause with no word of motion the reader knows makes no claim, whatever places it names. Reporting often tells a
movement with a noun instead of a verb ("the frigate began its journey to Djibouti", "le premier envoi de
l'aviation vers Amman") or with a verb of carrying in a form the list lacks ("a C-17 brings 40 tonnes of tents
to Benghazi", while "brought ... to" is read). Each form here is read only with the goal or the owner that makes it
a movement told, never as a bare noun: "a three-day journey" or "Bruxelles a annoncé l'envoi d'un A400M" name no place the
carrier went to, and the announcement of a sending is a plan (the corpus's rule 15).

The goal itself is given by the cue that follows ("to", "vers", "إلى"), already read by ``cues.DEST_CUES``.
"""

from __future__ import annotations

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START

# English: the noun of a journey owned by its carrier or made definite, with the goal or the start after it ("the
# frigate began its journey to Djibouti", "the journey to the Red Sea"); "a three-day journey" and "its northward
# journey" name no place
_EN_JOURNEY = r"\b(?:its|their|her|his|the)\s+journey\s+(?:to|towards?|from)\b"

# English: the present and the participle of "bring", whose past the list reads ("brought ... to"), with what was
# brought and the place it was brought to or from ("a C-17 brings 40 tonnes of tents to Benghazi", "charter planes
# bringing home nationals from Tripoli")
_EN_BRINGING = r"\bbring(?:s|ing)\s+(?:[\w'’-]+\s+){1,8}?(?:to|from)\b"

# French: the noun of a sending with the place it was sent to ("le premier envoi de l'aviation belge vers
# Amman"); the sending announced or ordered ("a annoncé l'envoi de", "a ordonné l'envoi") stays a plan
_FR_SENDING = (
    r"(?<!annoncé\s)(?<!annonce\s)(?<!ordonné\s)(?<!décidé\s)\b(?:l['’]|le\s+|un\s+|premier\s+|nouvel\s+)"
    r"envois?\s+(?:[\w'’-]+\s+){0,6}?(?:vers|à\s+destination\s+(?:de|du|des|d['’]))"
)

# Arabic: the passive of sending, "it was sent", with "تم" or "جرى" before the verbal noun ("تم إرسال طائرتي شحن
# من الجزائر إلى نيامي"): a sending done, where the bare noun ("وافق على إرسال قوة") is mostly a plan
_AR_SENT = rf"{AR_WORD_START}[وف]?(?:تم|جرى|جرت)\s+(?:إرسال|ارسال)\S*{AR_WORD_END}"

# Arabic: the noun of a dispatch with the place it was sent to after it ("ويأتي إيفاد الفرقاطة ... إلى خليج
# عدن")
_AR_DISPATCH = rf"{AR_WORD_START}[وفبل]?(?:ال)?(?:إيفاد|ايفاد){AR_WORD_END}(?=[^.؛]{{0,120}}?\s(?:إلى|الى)\s)"

# Arabic: a carrier "carrying" its load, with the place it is carried to after the load ("طائرة تحمل مساعدات
# إنسانية إلى غزة", "الطائرات المحملة بالمساعدات إلى غزة"): the verb of carrying with no goal ("تحمل على متنها")
# tells no movement
_AR_CARRYING = (
    rf"{AR_WORD_START}(?:ال)?(?:[تي]حمل(?:ان)?|محمل\S*){AR_WORD_END}(?=(?:\s+[^\s.،؛]+){{1,8}}?\s+(?:إلى|الى)\s)"
)

NOMINAL_MOVES = "|".join((_EN_JOURNEY, _EN_BRINGING, _FR_SENDING, _AR_SENT, _AR_DISPATCH, _AR_CARRYING))
