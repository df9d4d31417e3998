"""marsad.io"""
