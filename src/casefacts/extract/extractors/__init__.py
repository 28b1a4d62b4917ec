"""One extractor per file; ``casefacts.extract.registry`` lists them."""
