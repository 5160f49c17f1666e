"""Security (issue 16): the keys a reader is known by (IP fingerprint, browser token) on
comments, reports and bans; revocable dashboard sessions; login attempts keyed by hashed IP.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ip_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("browser_key", sa.String(length=64), nullable=True))
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reporter_browser", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("reporter_email", sa.String(length=64), nullable=True))
    with op.batch_alter_table("bans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ip_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("browser_key", sa.String(length=64), nullable=True))
    op.create_index("ix_bans_site_ip", "bans", ["site_id", "ip_key"])
    op.create_index("ix_bans_site_browser", "bans", ["site_id", "browser_key"])
    op.create_table(
        "dashboard_sessions",
        sa.Column("sid_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sid_hash"),
    )
    op.create_index("ix_dashboard_sessions_account_id", "dashboard_sessions", ["account_id"])
    # Login attempts held raw IPs; from now on only keyed fingerprints. The old rows only served
    # a 15-minute throttle: forget them rather than keep raw addresses.
    op.execute("DELETE FROM login_attempts")
    op.create_index("ix_login_attempts_email_created", "login_attempts", ["email", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_login_attempts_email_created", table_name="login_attempts")
    op.drop_index("ix_dashboard_sessions_account_id", table_name="dashboard_sessions")
    op.drop_table("dashboard_sessions")
    op.drop_index("ix_bans_site_browser", table_name="bans")
    op.drop_index("ix_bans_site_ip", table_name="bans")
    with op.batch_alter_table("bans", schema=None) as batch_op:
        batch_op.drop_column("browser_key")
        batch_op.drop_column("ip_key")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("reporter_email")
        batch_op.drop_column("reporter_browser")
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_column("browser_key")
        batch_op.drop_column("ip_key")
