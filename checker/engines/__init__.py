"""Engines run extraction (and, for Dask, comparison) over a corpus.

`local` uses a process pool on this machine (`--jobs`); `dask` maps partitions of documents
over a dask.distributed cluster. Both give byte-identical reports: the engines only decide
where the pure functions `extract(document, rulebook)` and `Comparer.group` run.
"""

ENGINES = ("local", "dask")
