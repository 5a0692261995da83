"""Accuracy harnesses: the pipeline scored against the simulator's truth (the figures in ``docs/accuracy.md``).

Kept apart from the runtime packages on purpose: scoring needs the simulator *and* the engine it scores, so
living inside ``tracks`` or ``analytics`` made those packages import the simulator (and the report) that in
turn imports them. Nothing in liftwatch imports this package; run it as ``python -m liftwatch.evaluation.tracks``
or ``python -m liftwatch.evaluation.analytics``.
"""
