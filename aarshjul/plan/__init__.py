"""Plan files: TOML text -> raw tables -> the validated model (SPEC §3)."""
