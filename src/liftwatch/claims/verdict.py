"""The verdict on one claim from its matched flights and the coverage of its places.

Kept apart from the matching (``claims.evidence``) so that the rules a user reads in ``docs/claims.md`` live in one
place: the counts of full and partial matches, what the data covers, and a named ship seen elsewhere decide
between supported, partly supported, contradicted and no evidence; every verdict says why in its reasons.
"""

from __future__ import annotations

import polars as pl

from liftwatch.claims.coverage import Coverage
from liftwatch.claims.model import Claim
from liftwatch.claims.reach import OutOfReach

SUPPORTED = "supported"
PARTLY = "partly supported"
NO_EVIDENCE = "no evidence in the data"
CONTRADICTED = "contradicted"
VERDICTS = (SUPPORTED, PARTLY, NO_EVIDENCE, CONTRADICTED)


def decide(
    claim: Claim,
    n_full: int,
    n_part: int,
    need: int,
    cov_role: dict[str, list[Coverage]],
    df: pl.DataFrame,
    reasons: list[str],
    far: OutOfReach | None = None,
) -> str:
    """Apply the verdict rules of ``claims.evidence``'s docstring; appends the reasons it used."""
    noun = "voyage" if claim.domain == "sea" else "flight"  # a ship's movements are voyages in every reason
    cov = [c for cs in cov_role.values() for c in cs]
    unchecked = [
        r for r in ("origin", "destination", "via") if cov_role[r] and all(c.level == "unknown" for c in cov_role[r])
    ]
    if n_full and unchecked:
        reasons.append(
            f"{n_full} {noun}(s) match what can be checked, but the {' and '.join(unchecked)} "
            "is not in the knowledge base, so that part of the claim is unverified"
        )
        return PARTLY
    if n_full >= need:
        reasons.append(
            f"{n_full} {noun}{' matches' if n_full == 1 else 's match'} the claim"
            + (f" (claim implies at least {need})" if need > 1 else "")
        )
        return SUPPORTED
    if n_full:
        reasons.append(f"{n_full} matching {noun}(s), fewer than the {need} the claim implies")
        return PARTLY
    if n_part:
        reasons.append(f"no {noun} matches every part of the claim; {n_part} match part of it (see 'why')")
        return PARTLY
    if not (claim.origin or claim.destination or claim.via) or all(
        not p.known for p in claim.origin + claim.destination
    ):
        reasons.append("no place of the claim is in the knowledge base: nothing to check it against")
        return NO_EVIDENCE
    dest_cov = [c for c in cov_role["destination"] if c.level != "unknown"]
    orig_cov = [c for c in cov_role["origin"] if c.level != "unknown"]
    named = [a for a in claim.assets if a.ship_name]
    covered = [c for c in cov if c.level == "good"]
    if named and far is not None:
        reasons.append(far.describe(", ".join(a.label for a in named)))
        return CONTRADICTED
    if named:
        seen = df.filter(pl.col("asset_ok") & pl.col("in_window"))
        if seen.height and any(c.level != "none" for c in dest_cov or cov):
            where = ", ".join(sorted({f"{r['dep_site'] or '?'}->{r['arr_site'] or '?'}" for r in seen.to_dicts()}))
            reasons.append(f"{', '.join(a.label for a in named)} tracked elsewhere in the window ({where})")
            return CONTRADICTED
    repeated = need >= 2 or "ongoing" in claim.hints
    dest_good = bool(dest_cov) and all(c.level == "good" for c in dest_cov)
    orig_good = not orig_cov or all(c.level == "good" for c in orig_cov)
    if repeated and dest_good and orig_good:
        reasons.append(
            "the claim describes repeated movements, the data covers "
            + "; ".join(c.place for c in covered)
            + f" well in the window, and no such {noun} appears"
        )
        return CONTRADICTED
    if not cov or all(c.level in ("none", "unknown") for c in cov):
        reasons.append(f"no matching {noun}, and no coverage: the data has no points near these places in the window")
    else:
        lv = ", ".join(f"{c.place}: {c.level}" for c in cov)
        if dest_cov and all(c.level == "none" for c in dest_cov):
            reasons.append(f"no matching {noun}, and no coverage at the destination in the window ({lv})")
        else:
            quality = "good" if any(c.level == "good" for c in cov) else "only sparse"
            reasons.append(f"no matching {noun} despite {quality} coverage ({lv})")
    return NO_EVIDENCE
