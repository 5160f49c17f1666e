"""A publisher's duties (issue 20): moderation mode per site and per article, closing and
per-article quotas, the mode and the engine's proposal on each decision, statements of reasons
(DSA art. 17), appeals (art. 20) and notices of illegal content (art. 16).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.add_column(sa.Column("moderation_mode", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("close_after_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("quota_per_day", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("quota_max_length", sa.Integer(), nullable=True))
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.add_column(sa.Column("moderation_mode", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("mode", sa.String(length=8), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("proposed", sa.String(length=16), nullable=False, server_default="")
        )
    op.create_table(
        "statements",
        sa.Column("id", ID, nullable=False),
        sa.Column("comment_id", ID, nullable=False),
        sa.Column("action_id", ID, nullable=True),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("automated", sa.Boolean(), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False, server_default=""),
        sa.Column("grounds", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["comment_id"], ["comments.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["action_id"], ["moderation_actions.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_statements_comment_id", "statements", ["comment_id"])
    op.create_index("ix_statements_created_at", "statements", ["created_at"])
    op.create_table(
        "appeals",
        sa.Column("id", ID, nullable=False),
        sa.Column("comment_id", ID, nullable=False),
        sa.Column("statement_id", ID, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(["comment_id"], ["comments.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["statement_id"], ["statements.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_appeals_status_created", "appeals", ["status", "created_at"])
    op.create_index("ix_appeals_comment_id", "appeals", ["comment_id"])
    op.create_table(
        "notices",
        sa.Column("id", ID, nullable=False),
        sa.Column("comment_id", ID, nullable=True),
        sa.Column("site_id", ID, nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("location", sa.String(length=2000), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("good_faith", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(["comment_id"], ["comments.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_notices_status_due", "notices", ["status", "due_at"])
    op.create_index("ix_notices_created_at", "notices", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_notices_created_at", table_name="notices")
    op.drop_index("ix_notices_status_due", table_name="notices")
    op.drop_table("notices")
    op.drop_index("ix_appeals_comment_id", table_name="appeals")
    op.drop_index("ix_appeals_status_created", table_name="appeals")
    op.drop_table("appeals")
    op.drop_index("ix_statements_created_at", table_name="statements")
    op.drop_index("ix_statements_comment_id", table_name="statements")
    op.drop_table("statements")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_column("proposed")
        batch_op.drop_column("mode")
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.drop_column("closed_at")
        batch_op.drop_column("moderation_mode")
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.drop_column("quota_max_length")
        batch_op.drop_column("quota_per_day")
        batch_op.drop_column("close_after_days")
        batch_op.drop_column("moderation_mode")
