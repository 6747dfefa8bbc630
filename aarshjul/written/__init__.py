"""Agendas people wrote (.txt, .md, .docx): read them, check their times (SPEC §4)."""
