"""Plan -> meetings: rules, holidays, closed periods and changes (pure)."""
