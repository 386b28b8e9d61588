"""Decisions name one of the events a quote makes about one place and kind (DecisionKey.occurrence).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every decision stored before named the first (often the only) such event.
    with op.batch_alter_table("decisions") as table:
        table.add_column(sa.Column("occurrence", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("decisions") as table:
        table.drop_column("occurrence")
