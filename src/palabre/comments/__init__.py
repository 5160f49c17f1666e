"""Threads and comments: posting, editing, deleting, reading, reporting, and what the posting
path applies: bans, the moderation mode in force, article controls (closing, quotas)."""
