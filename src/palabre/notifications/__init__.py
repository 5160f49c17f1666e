"""Notifications: e-mail (subscriptions, digests, replies, moderators), Atom feeds and webhooks.

They subscribe to the domain events (`palabre.events`) and only enqueue background tasks
(huey); the tasks send, retry with back-off and log. Nothing happens at import."""
