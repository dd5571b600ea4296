"""Quantities: the value, unit and currency of a number as news writes it ("$1.5bn", "7kW",
"RM4.10", "120 mph"), read from one token or from the words around a number."""

from generator.quantities.glued import Glued, read_glued
from generator.quantities.reader import UnitMatch, currency_before, unit_after
from generator.quantities.units import Unit, unit_table

__all__ = ["Glued", "Unit", "UnitMatch", "currency_before", "read_glued", "unit_after", "unit_table"]
