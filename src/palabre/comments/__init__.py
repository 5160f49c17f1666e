"""Threads and comments: posting, editing, deleting, reading, reporting."""
