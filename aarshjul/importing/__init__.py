"""Bringing an existing year in (SPEC §14): the files a secretariat already
has (an Outlook, Exchange or Google ``.ics`` export, a ``.csv`` or ``.xlsx``
list of dates) read as meeting rows, from which ``aarshjul import`` finds
the rules of a plan."""
