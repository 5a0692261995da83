# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest venv clean bench browser bench-tracks bench-decode bench-web

$(STAMP): pyproject.toml setup.py $(wildcard csrc/*.c csrc/*.h)  # the C accelerators are rebuilt when their source changes
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,dask]'  # dask: the suite checks distributed runs equal local ones
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/liftwatch demo --out liftwatch-demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist worksteal

test: lint typecheck pytest

# Headless Chromium for the report map and dashboard browser tests (Debian package, driven by Playwright from
# the dev extra; never `playwright install`). The tests skip, saying why, when it is absent.
browser:
	command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || true

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py

# Dashboard on 50,000 flights (first paint, filter round trip); uses ./liftwatch-demo when present.
bench-web: $(STAMP) browser
	$(BIN)/python benchmarks/web.py

# Tracks vs traffic (xoolive): traffic is not a project dependency, so it gets its own venv.
# traffic 2.13 imports pandas internals removed in pandas 3, hence the pin.
bench-tracks:
	test -x .venv-bench/bin/python || $(PY) -m venv .venv-bench
	.venv-bench/bin/python -m pip install -q traffic 'pandas<3' -e .
	.venv-bench/bin/python benchmarks/tracks.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) liftwatch-demo liftwatch.duckdb

# Mode S decoding vs pyModeS and rs1090 (speed on synthetic messages, agreement on a real recording): rs1090 is
# not a project dependency, so it gets its own venv. About a minute on 2 cores.
bench-decode:
	test -x .venv-bench-decode/bin/python || $(PY) -m venv .venv-bench-decode
	.venv-bench-decode/bin/python -m pip install -q rs1090 'pymodes>=3.6' -e .
	.venv-bench-decode/bin/python benchmarks/decode.py --rs1090 $(BENCH_ARGS)
