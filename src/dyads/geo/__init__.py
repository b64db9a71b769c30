"""Geo: toponyms geocoded offline from a gazetteer built from maintained packages."""
