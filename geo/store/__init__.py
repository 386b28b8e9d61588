"""The analyst's database: articles added through the app, review decisions and their audit log.

The database's names load SQLAlchemy and Alembic (≈ 0.6 s) when first used, not on import: a build, or a
dashboard, with no database configured only asks where it would be (`DATABASE_ENV`, `DEFAULT_DATABASE`).
"""

from pathlib import Path

DATABASE_ENV = "GEO_DATABASE_URL"
#: In the project's data/, wherever the dashboard or the command is started from: the dashboard and the
#: rebuilds it starts must open the same file.
DEFAULT_DATABASE = Path(__file__).resolve().parents[2] / "data" / "analyst.sqlite"

_FROM_STORE = ("ADDED_FOLDER", "AuditRecord", "ConflictError", "Store", "StoreError", "database_url", "shown_url")

__all__ = ["DATABASE_ENV", "DEFAULT_DATABASE", *_FROM_STORE]


def __getattr__(name: str):
    if name in _FROM_STORE:
        from geo.store import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
