"""Migrate in and out: importers (Disqus, WordPress, Isso, Blogger, palabre's own export), the
versioned JSON export, the audit CSV and batch re-moderation. See docs/migration.md."""
