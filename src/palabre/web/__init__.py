"""HTTP: the public JSON API, the widget assets and the moderators' dashboard."""
