"""marsad.recognize"""
