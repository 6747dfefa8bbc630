"""``python -m aarshjul``: the same as the ``aarshjul`` command."""

from aarshjul.cli import main

if __name__ == "__main__":
    main()
