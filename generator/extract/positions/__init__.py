"""Stated positions: what people and organisations said, with speaker, cue and kind (`data/cues.txt`)."""
