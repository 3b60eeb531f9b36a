"""Reading: input files, archives, feeds and URLs into raw records; boilerplate removal, decoding, language."""
