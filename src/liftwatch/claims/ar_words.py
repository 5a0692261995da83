"""Where an Arabic word ends: one boundary for every Arabic cue and name the claim rules read.

``\\b`` will not do: Python's ``\\w`` counts no vowel mark as part of a word ("عادَت" would end at its fatha). The
rules were written against the Arabic block of code points (U+0600-U+06FF) instead: "no character of that block
follows". That block also holds the Arabic comma "،" (U+060C), semicolon "؛" (U+061B), question mark "؟" (U+061F)
and full stop "۔" (U+06D4), so a cue or name written directly before one, as Arabic prose writes them ("وصلت
السفينة إلى طرطوس، ثم ..."), did not end there and the rule did not fire; and a word written right after a comma
with no space ("ديسمبر،أقلعت") did not start. :data:`AR_WORD_END` ends a word before, and :data:`AR_WORD_START`
starts one after, anything that is not part of an Arabic word.

What is part of a word, on purpose:

- the letters (hamza and its seats, the 28 letters, and the extended letters Persian and Urdu print uses);
- the tatweel "ـ" (U+0640): it is written only inside a word, to stretch it or to join a clitic to what follows it
  ("بـ", "الـ"), so a word does not end before it;
- the vowel and Quranic marks (harakat, tanween, shadda, sukun, the superscript alif): they sit on the letter
  before them ("قاعدةً", "عادَت"), so a word does not end before them.

What is not: the punctuation above, the number and date signs, and the Arabic-Indic digits (U+0660-U+0669,
U+06F0-U+06F9). A digit ends a word because the ASCII digits, the same numbers in another glyph, always did (they
lie outside the block): "الطائرة٣" and "الطائرة3" end the word alike.
"""

from __future__ import annotations

# the characters an Arabic word is written with: letters, tatweel and the marks that sit on a letter
AR_WORD_CHAR = r"\u0610-\u061A\u0620-\u065F\u066E-\u06D3\u06D5-\u06DC\u06DF-\u06E8\u06EA-\u06EF\u06FA-\u06FC\u06FF"
# an Arabic word ends here: no character of an Arabic word follows (a space, punctuation, a digit or the end does)
AR_WORD_END = rf"(?![{AR_WORD_CHAR}])"
# an Arabic word starts here: no character of an Arabic word comes before (a space, punctuation, a digit or the
# start does: "ديسمبر،أقلعت" starts "أقلعت" after the comma written without its space)
AR_WORD_START = rf"(?<![{AR_WORD_CHAR}])"
