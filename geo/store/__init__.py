"""The analyst's database: articles added through the app, review decisions and their audit log."""

from geo.store.store import (
    ADDED_FOLDER, DATABASE_ENV, DEFAULT_DATABASE, AuditRecord, ConflictError, Store, StoreError, database_url,
    shown_url,
)

__all__ = ["ADDED_FOLDER", "DATABASE_ENV", "DEFAULT_DATABASE", "AuditRecord", "ConflictError", "Store", "StoreError",
           "database_url", "shown_url"]
