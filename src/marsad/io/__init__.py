"""Readers (files, directories, JSON lines, HTML, feeds, standard input) and exporters."""

from marsad.io.readers import (
    DEFAULT_MAX_BYTES,
    STDIN,
    Input,
    estimate_count,
    find_inputs,
    read_documents,
)
from marsad.io.records import ReadFailure, parse_published, parse_size

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "Input",
    "ReadFailure",
    "estimate_count",
    "find_inputs",
    "parse_published",
    "parse_size",
    "read_documents",
]
