"""Storage: SQLAlchemy models, the engine/session factory, numbered migrations."""
