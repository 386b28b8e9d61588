"""Articles added through the app, review decisions, and their audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("article_id", sa.String(200), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("source", sa.String(300), nullable=False),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("published", sa.String(10), nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("file_name", sa.String(300), nullable=True),
        sa.Column("added_by", sa.String(200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key_digest", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("place_id", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("force", sa.String(50), nullable=True),
        sa.Column("status", sa.String(10), nullable=True),
        sa.Column("contested_by", sa.String(50), nullable=True),
        sa.Column("new_place_id", sa.String(200), nullable=True),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("date_precision", sa.String(10), nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("editor", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.UniqueConstraint("key_digest", name="uq_decisions_key_digest"),
    )
    op.create_index("ix_decisions_article_id", "decisions", ["article_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("decision_id", sa.Integer, sa.ForeignKey("decisions.id"), nullable=False),
        sa.Column("editor", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("before", sa.Text, nullable=True),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_log_decision_id", "audit_log", ["decision_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_decision_id", "audit_log")
    op.drop_table("audit_log")
    op.drop_index("ix_decisions_article_id", "decisions")
    op.drop_table("decisions")
    op.drop_table("articles")
