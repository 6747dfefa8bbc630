"""The static site, and previewing it (SPEC §7)."""
