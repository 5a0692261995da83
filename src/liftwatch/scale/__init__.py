"""Scale-out: the flights, voyages and analytics kernels run per partition on local worker processes or a Dask
cluster, with results identical to the single-process run. See ``docs/scale.md``.

Dask is optional (the ``dask`` extra) and only imported when a Dask backend is asked for.
"""

from __future__ import annotations

from liftwatch.scale.executors import LOCAL, Backend, InlineExecutor, backend, open_executor, require_distributed

__all__ = ["LOCAL", "Backend", "InlineExecutor", "backend", "open_executor", "require_distributed"]
