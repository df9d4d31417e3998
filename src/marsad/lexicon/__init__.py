"""Lexicons as data: actors, triggers and cues, loaded from YAML with `path:line` errors."""

from marsad.lexicon.loader import load_lexicon
from marsad.lexicon.model import Actor, Entry, GenericGroup, Lexicon

__all__ = ["Actor", "Entry", "GenericGroup", "Lexicon", "load_lexicon"]
