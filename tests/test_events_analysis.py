"""The per-article shortcuts of the event stage give what the general code gives.

`Analysis.spaced_slice` skips the characters that cannot be a restored space, and
`resolve_actors(read=...)` works out roles only where the frames read them; both must
agree with the plain versions wherever they answer.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.events.analysis import analyse
from marsad.events.roles import resolve_actors
from marsad.model import Document

#: glued words from a web page ("مراسلالميادينفي"): normalization puts spaces back that
#: are no space of the original, which `spaced_slice` must restore
GLUED = ("وأفاد مراسلالميادينفي حلب بأن الطائرات الروسية شنت غارات على ريف إدلب، "
         "فيما قالت مصادرللميادين إن الجيش السوري سيطر على قرية الطيبة.")


def _analysis(resources, text: str):  # type: ignore[no-untyped-def]
    return analyse(Document("t", text, dt.date(2023, 10, 25), "test"), resources.matcher)


def test_the_glued_text_has_restored_spaces(resources):
    # the property below is worth something only if some span has a space to put back
    an = _analysis(resources, GLUED)
    assert an.spaced_slice(0, len(an.text)) != an.norm.original_slice(0, len(an.text))
    assert "مراسل الميادين في" in an.spaced_slice(0, len(an.text))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_spaced_slice_is_the_models(resources, data):
    an = _analysis(resources, GLUED)
    start = data.draw(st.integers(0, len(an.text)))
    end = data.draw(st.integers(start, len(an.text)))
    assert an.spaced_slice(start, end) == an.norm.spaced_slice(start, end)


def test_roles_read_only_inside_the_given_spans(resources):
    text = ("سيطر الجيش السوري على بلدة كفرنبل بالتعاون مع القوات الروسية. "
            "وقال المرصد إن الجيش السوري بالتعاون مع القوات الروسية تقدم نحو بلدة الطيبة.")
    an = _analysis(resources, text)
    full = resolve_actors(an, resources.lexicon)
    second = text.index("وقال")
    part = resolve_actors(an, resources.lexicon, read=[(second, len(an.text))])
    # ids and targets everywhere: later mentions refer back to them
    assert [(r.actor, r.target) for r in part] == [(r.actor, r.target) for r in full]
    assert [r.actor for r in part] == ["SYR_MIL", "RUS_MIL", "SYR_MIL", "RUS_MIL"]
    # the associate "بالتعاون مع القوات الروسية": a helper where roles are read ...
    assert [r.helper for r in full] == [False, True, False, True]
    assert part[2:] == full[2:]
    # ... and not worked out in the first sentence, which no frame of `read` looks at
    assert [r.helper for r in part[:2]] == [False, False]
