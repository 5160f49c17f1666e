"""Index for the thread page: top-level comments of a thread in date order.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_comments_thread_roots",
        "comments",
        ["thread_id", "created_at", "id"],
        postgresql_where=sa.text("parent_id IS NULL"),
        sqlite_where=sa.text("parent_id IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_comments_thread_roots", table_name="comments")
