"""Alembic's environment: migrations run on the connection `geo.store` hands over (never a URL of
alembic.ini: there is none; the store knows where its database is)."""

from alembic import context

from geo.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
