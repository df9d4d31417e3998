"""The map page: one self-contained, offline HTML file (Leaflet vendored under `static/`).

- `marsad.web.mapbuild.build_map(store, path, ...)`: everything, from a store
- `marsad.web.mapdata.map_payload(...)`: the page's data from records
- `marsad.web.page.render_map(payload)` / `write_map(path, payload)`, `embed_json`
- `marsad.web.basemap.load_basemap()`: country and governorate outlines
"""
