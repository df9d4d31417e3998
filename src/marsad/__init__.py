"""marsad (مرصد): Arabic conflict reporting to a sourced, geolocated, dated record of events.

Importing the package touches no disk and loads nothing (HOUSE_STYLE.md §3): lexicons,
the gazetteer and the store are opened by explicit calls.
"""

__version__ = "0.1.0"
