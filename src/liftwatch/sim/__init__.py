"""Scenario simulator with ground truth: airlift sorties, charters, civil background traffic and ship voyages.

``generate()`` returns observed points (canonical schema) and the truth behind them; ``write()`` renders a
scenario in every supported input format; ``default_scenario_path()`` is the small scenario shipped with the
package that ``make demo`` runs on.
"""

from __future__ import annotations

from liftwatch.sim.bundle import default_scenario_path
from liftwatch.sim.scenario import SCENARIOS, Scenario, generate
from liftwatch.sim.writers import FORMATS, write

__all__ = ["FORMATS", "SCENARIOS", "Scenario", "default_scenario_path", "generate", "write"]
