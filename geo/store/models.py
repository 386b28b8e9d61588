"""The database's tables: articles added through the app, review decisions, and the audit log.

The schema is made and changed only by the migrations (`migrations/versions/`); these classes describe
the newest one, for the queries.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class StoredArticle(Base):
    """An article added with the dashboard's Add page or `python -m geo add`."""

    __tablename__ = "articles"

    article_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    published: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD or YYYY-MM
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)  # None: detected at build
    text: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(String(300), nullable=True)  # the upload's, if any
    added_by: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StoredDecision(Base):
    """The current decision on one event (`geo.review.DecisionKey`); its history is in the audit log."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("key_digest", name="uq_decisions_key_digest"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_digest: Mapped[str] = mapped_column(String(64))
    article_id: Mapped[str] = mapped_column(String(200), index=True)
    quote: Mapped[str] = mapped_column(Text)
    place_id: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    #: Which of the quote's events with this place and kind (geo.review.DecisionKey.occurrence).
    occurrence: Mapped[int] = mapped_column(Integer, default=0)
    action: Mapped[str] = mapped_column(String(10))
    force: Mapped[str | None] = mapped_column(String(50), nullable=True)
    status: Mapped[str | None] = mapped_column(String(10), nullable=True)
    contested_by: Mapped[str | None] = mapped_column(String(50), nullable=True)
    new_place_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    date_precision: Mapped[str | None] = mapped_column(String(10), nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    editor: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    #: One more with every change: a write that expected another version lost a race and is refused.
    version: Mapped[int] = mapped_column(Integer)


class AuditEntry(Base):
    """One change of a decision: who, when, what, the values before and after, and why. Never updated."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"), index=True)
    editor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    action: Mapped[str] = mapped_column(String(10))
    before: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON of the decision before, None if new
    after: Mapped[str] = mapped_column(Text)  # JSON of the decision after
    reason: Mapped[str] = mapped_column(Text)
