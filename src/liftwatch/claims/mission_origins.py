"""Where a carrier's tasks ended is where its voyage began: "after completing their mission in the Gulf of Aden".

A fleet or a ship told as sailing on "after completing its tasks in" a sea or a country comes from there: the
corpus's rules read a withdrawal "from" a place as its origin (rule 26) and its annotators read "after completing
their escort mission in the Gulf of Aden" and "после выполнения задач в Средиземном море" the same way. The
construction is a preposition of time ("after", "upon", "après", "à l'issue de", "после", "بعد"), a noun or verb of
completing ("completing", "completion of", "achevé", "завершения", "إنهاء"), the task words, then "in" or "off" and
the place; English also writes the finite past with a task noun ("have finished their mission in the Mediterranean
Sea, and set off for Baltiysk"). The task words are a few nouns and their attributes, never a verb of motion or a comma: "after
completing its mission it sailed to Tartus" keeps Tartus the goal.
"""

from __future__ import annotations

# the task words between the completing word and the place's preposition, as many as reach the place (the task may
# be told at length: "задач в составе постоянного оперативного соединения ... в Средиземном море"): no comma, no
# verb (a past tense, "-ed" in English, "-л" in Russian, "-é" in French, ends the words a task phrase can hold)
_TASK = r"(?:(?![\w-]*(?:ed|л|ла|ло|ли|лся|лась|лись|é|ée|és)\b)[\w'’-]+\s+){0,9}"
_AR_TASK = r"(?:[^\s،,.؛]+\s+){0,6}"

# English also tells the end of the task in the finite past, then the voyage: "have finished their long-term
# mission in the Mediterranean Sea, and set off for Baltiysk", "completed its patrol off Somalia and sailed home";
# a task noun must follow the verb ("completed the unloading in Tartus" tells where a carrier arrived)
_EN_TASK_NOUN = r"(?:missions?|tasks?|deployments?|tours?|patrols?|rotations?|duty|service|exercises?|drills?)"
_EN_FINISHED = (
    r"(?:(?:has|have|had)\s+)?(?:successfully\s+)?(?:completed|finished|concluded|fulfilled|accomplished|ended)\s+"
    r"(?:[\w'’-]+\s+){0,3}?" + _EN_TASK_NOUN + r"\s+" + _TASK + r"(?:in|off)"
)

MISSION_ORIGIN_CUES = (
    r"(?:after|upon|on)\s+(?:(?:successfully\s+)?(?:completing|fulfilling|finishing|concluding|accomplishing)|"
    r"(?:the\s+)?(?:completion|conclusion|end)\s+of)\s+" + _TASK + r"(?:in|off|at)",
    r"(?:après\s+(?:avoir\s+)?(?:accompli|achevé|terminé|rempli|mené\s+à\s+bien)|à\s+l['’]issue\s+(?:de|du|d['’])|"
    r"(?:après|à)\s+la\s+fin\s+(?:de|du|d['’]))\s+" + _TASK + r"(?:en|dans|au|aux|à|au\s+large\s+(?:de|du|d['’]))",
    r"после\s+(?:(?:успешного\s+)?(?:выполнения|завершения|окончания)\s+)+" + _TASK + r"(?:в|во|на|у)",
    r"بعد\s+(?:أن\s+)?(?:إنهاء|انهاء|انتهاء|إتمام|اتمام|اختتام|أنهت|انهت|أتمت|اتمت|أكملت|اكملت|إكمال|اكمال)\S*\s+"
    + _AR_TASK
    + r"(?:في|قبالة)",
    _EN_FINISHED,
)
