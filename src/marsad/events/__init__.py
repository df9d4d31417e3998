"""marsad.events: frames, roles, places, attribution and modality of events."""
