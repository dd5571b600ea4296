"""Offline gazetteer and toponym resolver: place names -> GeoNames places, chosen by the article."""
