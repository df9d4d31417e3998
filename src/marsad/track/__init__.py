"""marsad.track"""
