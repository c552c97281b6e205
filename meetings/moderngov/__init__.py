"""The council's committee system (ModernGov, by Civica) as a source of meetings and packs.

Like ingest/, this package imports nothing of Django: `client` speaks HTTP to
`/mgWebService.asmx`, `reading` turns its XML into plain dicts. The service that stores what
they return is meetings/services/moderngov.py.
"""
