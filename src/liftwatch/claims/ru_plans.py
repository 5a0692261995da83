"""Russian plans told around a verb of the plan: a step ordered before it, and a departure "expected".

Two shapes of Russian grammar tell a movement not begun without a verb of motion the plan governs:

- a verbal noun after a preposition of order ("после захода в Астрахань", "после разгрузки", "перед вылетом") in a
  clause whose verb is a plan ("эскадра направится в порт Баку", "помощь будет доставлена в сектор Газа") is a step
  of the same plan, ordered in its time, not a movement the clause tells as made. It keeps the clause a plan only
  where a verb of the plan moves; with no such verb ("после захода в порт корабль пополнил запасы") the noun is
  read as before.
- a noun of leaving or returning as the subject of "ожидается" / "ожидаются" ("Возвращение спасателей из Турции
  ожидается позже", "Вылет самолёта ожидается вечером") is a departure not begun. An arrival "expected" ("Прибытие
  борта в Домодедово ожидается через четыре часа") tells the goal of a carrier on its way and is not one of them,
  as the plans module keeps a scheduled arrival.
"""

from __future__ import annotations

import re

# a preposition or phrase of order right before a verbal noun: "после захода", "перед вылетом", "по завершении"
_ORDER_BEFORE = re.compile(r"(?<!\w)(?:после|перед|по\s+завершении|по\s+окончании)\s+$", re.I)
# nouns of leaving or returning: what can be expected without having begun
_DEPARTURE_NOUN = re.compile(
    r"^(?:возвращени\w*|вылет\w*|отправк\w*|отправлени\w*|отплыти\w*|вывод\w*|выход\w*|переброск\w*)$", re.I
)
# the predicate "is expected", with at most a few words between the noun and it, none a mark ending the clause
_EXPECTED_AFTER = re.compile(r"^(?:[^\W\d]+\s+){0,4}?ожида(?:ется|ются|лось|лся|лась|лись)(?!\w)", re.I)


def step_before_plan(clause: str, start: int) -> bool:
    """Whether the word of motion at ``start`` is a verbal noun right after a preposition of order ("после
    захода", "перед вылетом"): a step the clause's plan orders, never by itself a movement made."""
    return _ORDER_BEFORE.search(clause[max(0, start - 40) : start]) is not None


def expected_departure(clause: str, start: int, end: int) -> bool:
    """Whether the word of motion ``clause[start:end]`` is a noun of leaving or returning whose predicate is
    "ожидается" ("Возвращение спасателей из Турции ожидается позже"): a departure not begun."""
    if _DEPARTURE_NOUN.match(clause[start:end]) is None:
        return False
    after = clause[end:]
    stop = re.search(r"[,;:.!?()]", after)
    return _EXPECTED_AFTER.match(after[: stop.start() if stop else len(after)].strip() + " ") is not None
