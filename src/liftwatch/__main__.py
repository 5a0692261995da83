"""``python -m liftwatch``: the ``liftwatch`` command, for a checkout or venv whose script is not on PATH."""

from liftwatch.cli import main

if __name__ == "__main__":
    main()
