"""What the corpus-wide stages read from each document alone, cached by the document's content.

Duplicate detection needs each body's sampled shingles, entity resolution the names each
article writes and normalisation the weekday of the event it reports; all depend on one document (and the rulebook) only, so a re-run after one
article changed computes them for that article and reads the others' from the cache.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, TypeAdapter

from checker.cache import ContentStore, salt
from checker.documents import Document
from checker.duplicates import sampled_shingles
from checker.lexicon import lexicon_for
from checker.normalise import document_day, names_written
from checker.rulebook import Rulebook


class DocumentFacts(BaseModel):
    """One document's shingles (for duplicates), written names (for entities) and event day."""

    model_config = ConfigDict(frozen=True)

    shingles: list[int]
    names: list[str]
    event_day: int | None = None  # checker.normalise.document_day


_FACTS = TypeAdapter(DocumentFacts)


def document_facts(
    documents: list[Document], rulebook: Rulebook, cache_dir: str | Path
) -> dict[str, DocumentFacts]:
    """Every document's facts by id, read from `cache_dir` where known, stored there if not."""
    store = ContentStore(Path(cache_dir) / "documents", _FACTS, salt(rulebook.version))
    lexicon = lexicon_for(rulebook)
    facts = {}
    for document in documents:
        key = store.key(document.model_dump_json().encode("utf-8"))
        found = store.get(key)
        if found is None:
            found = DocumentFacts(
                shingles=sampled_shingles(document),
                names=names_written(document, lexicon),
                event_day=document_day(document, lexicon),
            )
            store.put(key, found)
        facts[document.id] = found
    return facts
