"""Plan -> meetings (pure): ``meetings`` validates the plan and runs the steps,
``slots`` (rules, holidays and closed periods), ``changes`` (``[[meeting]]``
changes and one-offs), ``identity`` (UIDs) and ``clashes`` (overlaps and
rooms); ``calendar`` answers which days are holidays, closed or workdays."""
