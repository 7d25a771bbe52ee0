"""Readers' texts compared the way readers see them: the duplicate check and the moderation
rules' repeated-text tests."""

from __future__ import annotations

import hashlib
import unicodedata


def normalise(text: str) -> str:
    """Compare text the way readers see it: composed Unicode, case folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def fingerprint(text: str) -> str:
    """A short digest of the normalised text: equal for texts a reader would call the same.

    64 bits: the rules compare it only among one author's recent comments, where a chance
    collision is out of reach."""
    return hashlib.blake2b(normalise(text).encode(), digest_size=8).hexdigest()
