"""Publishing the meetings into a CalDAV calendar (SPEC §8)."""
