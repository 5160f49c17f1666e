"""Imports: where each imported comment came from, so that a second import adds nothing.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("import_source", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("external_id", sa.String(length=200), nullable=True))
        batch_op.create_unique_constraint(
            "uq_comments_import", ["thread_id", "import_source", "external_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_constraint("uq_comments_import", type_="unique")
        batch_op.drop_column("external_id")
        batch_op.drop_column("import_source")
