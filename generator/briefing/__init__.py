"""The briefing model, its JSON Schema and its YAML form."""

from generator.briefing.model import (
    SCHEMA_VERSION,
    Actor,
    Briefing,
    Location,
    Number,
    Position,
    Source,
)

__all__ = ["SCHEMA_VERSION", "Actor", "Briefing", "Location", "Number", "Position", "Source"]
