"""Review: moderator accounts, queues (queries over statuses and reports), actions with their
audit rows, author bans, charter versions, statistics."""
