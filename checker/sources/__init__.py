"""Input types: one module per kind of file, each turning bytes into Documents.

`checker.ingest` walks the corpus and dispatches each file to a reader by its suffix.
"""
