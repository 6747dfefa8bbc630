"""Run aarshjul from a checkout, without installing it: ``python cli.py check calendars/…``.

Python puts this file's folder first on its path, so the package beside it
is the one that runs. Installed, the same command is ``aarshjul``.
"""

from aarshjul.cli import main

if __name__ == "__main__":
    main()
