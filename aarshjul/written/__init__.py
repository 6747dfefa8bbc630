"""Agendas people wrote (.txt, .md, .docx): read them, check their times (SPEC §4).

``reader`` is where reading begins (a file, or numbered lines; ``docx`` gives
a Word file's paragraphs); ``structure`` follows the document line by line,
``lines`` tells one line's kind and ``times`` reads what a time says, both by
the forms in ``patterns``; ``check`` then finds what does not add up.
"""
