"""Plan files: TOML text -> raw tables -> the model -> validated (SPEC §3).

``reader`` runs the steps: ``header`` and ``table_kinds`` check each value's
form and build the model (with ``tables``, the typed getters, and
``toml_positions``, the lines of keys); ``validate`` checks every other rule,
for plans read from files and plans built in code alike, and ``labels``
names each table in messages, a table built in code as its file would.
"""
