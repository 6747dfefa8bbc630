"""iCalendar: the feeds staff subscribe to (SPEC §6)."""
