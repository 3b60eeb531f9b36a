"""Mining: the spaCy components that annotate an article and the pure functions that read records off it."""
