"""What changed between two versions of a plan (SPEC §14): ``changes``
compares them, ``sources`` reads a version from a file or from git."""
