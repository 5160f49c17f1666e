"""The demo: the two seed articles with their comments, moderated by the default charter."""
