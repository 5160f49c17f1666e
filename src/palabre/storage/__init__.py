"""Storage: SQLAlchemy models, the engine/session factory, numbered migrations.

Importing any part of it loads every table (one metadata for the migrations) and the mapper event
that gives each restricting audit row its statement of reasons."""

from palabre.storage import models, models_legal, models_review, statement_rows

__all__ = ["models", "models_legal", "models_review", "statement_rows"]
