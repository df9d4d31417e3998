"""Who did an attack when its clause does not say: who claims it, or who vouches for it.

`frames` asks these after `agents.fill_actors` found no actor1: the side that claims the
sentence's attack ("وأعلنت الفصائل مسؤوليتها عن القصف"), else the side named in the
source phrase that reports it ("أكد سريع استهداف ...": the spokesman's side did it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.events.agents import attack_kinds
from marsad.events.analysis import Analysis
from marsad.events.attribution import SourceRef
from marsad.events.roles import ActorRef

if TYPE_CHECKING:
    from marsad.events.frames import Frame

__all__ = ["claimed_by", "source_actor"]


def claimed_by(an: Analysis, frame: Frame, actors: list[ActorRef]) -> str | None:
    """"وأعلنت الفصائل العراقية مسؤوليتها عن القصف": who claims the sentence's attack."""
    if not attack_kinds(frame.kinds):
        return None
    for claim in an.hits_in(*frame.sentence):
        if claim.entry.kind != "claim":
            continue
        claimant = next((r for r in reversed(actors) if r.end <= claim.token_start
                         and frame.sentence[0] <= r.start and not r.target and not r.locative
                         and an.words_between(r.end, claim.token_start) <= 3), None) or \
            next((r for r in actors if r.start >= claim.end and not r.target  # "تبنى داعش"
                  and an.words_between(claim.end, r.token_start) <= 1), None)
        if claimant is not None and claimant.actor != frame.actor2:
            return claimant.actor
    return None


def source_actor(frame: Frame, sources: list[SourceRef], actors: list[ActorRef]) -> str | None:
    """The actor named in the source phrase that vouches for the frame, if any."""
    source = None
    for ref in sources:
        if ref.cue <= frame.trigger.start:
            source = ref
    if source is None:
        return None
    if source.actor is not None:
        return source.actor
    for actor in actors:
        if source.start <= actor.start < source.end and not actor.target and not actor.locative:
            return actor.actor
    return None
