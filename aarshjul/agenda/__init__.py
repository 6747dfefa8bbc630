"""Meetings -> agendas: assembly, clock times, and the agenda as a document."""
