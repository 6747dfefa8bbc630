"""The årshjul as a picture (SPEC §7)."""
