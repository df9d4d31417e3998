"""Who holds which ground, derived from stored events (HOUSE_STYLE.md §7: derived, not edited).

- `marsad.track.coalitions`: actor -> coalition tables (`load_coalitions`,
  `CoalitionTable.from_mapping`, `coalitions_from_lexicon`)
- `marsad.track.control`: `build_timeline`, `build_control`, `control_at`, `ControlIndex`
- `marsad.track.contacts`: `find_contacts`
- `marsad.track.frontlines`: `front_lines`
- `marsad.track.query`: `track_state(store, coalitions)` for the CLI
- `marsad.track.export`: JSON lines and GeoJSON of the above
"""
