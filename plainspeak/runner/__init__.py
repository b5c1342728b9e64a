"""Running many papers: finding them, checking them in parallel, caching results."""
