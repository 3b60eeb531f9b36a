"""Settings shared by the pipeline's stages."""

FUZZY_CUTOFF = 90
