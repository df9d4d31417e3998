"""marsad.recognize: the one-pass matcher over normalized text."""
