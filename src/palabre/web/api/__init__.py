"""The public JSON API, one router per resource."""
