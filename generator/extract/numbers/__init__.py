"""Numbers: counts, money, percentages, ordinals and measures with what they count (`data/lexicon.txt`)."""
