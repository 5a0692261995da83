"""Build configuration beyond pyproject.toml: the optional C accelerators for readsb traces and aircraft.json, and
the store's row keys (their fold, and the set of those stored).

``optional=True``: without a C compiler (or Python headers) the build skips the extension and liftwatch installs
and works unchanged on its pure-Python paths (:mod:`liftwatch.io.trace_native`,
:mod:`liftwatch.io.aircraft_native` and :mod:`liftwatch.store_keys` say which one runs).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "liftwatch.io._trace_native",
            sources=["csrc/trace_native.c"],
            depends=["csrc/jsonscan.h"],
            extra_compile_args=["-O2", "-std=c11"],
            optional=True,
        ),
        Extension(
            "liftwatch.io._aircraft_native",
            sources=[
                "csrc/aircraft_module.c",
                "csrc/aircraft_scan.c",
                "csrc/aircraft_rows.c",
                "csrc/aircraft_batch.c",
            ],
            depends=["csrc/jsonscan.h", "csrc/jsonstrict.h", "csrc/aircraft_native.h"],
            extra_compile_args=["-O3", "-std=c11"],
            optional=True,
        ),
        Extension(
            "liftwatch._rowkey",
            sources=["csrc/rowkey.c"],
            extra_compile_args=["-O2", "-std=c11"],
            optional=True,
        ),
        Extension(
            "liftwatch._keyset",
            sources=["csrc/keyset.c"],
            extra_compile_args=["-O2", "-std=c11"],
            optional=True,
        ),
    ]
)
