"""Persistence: typed SQLAlchemy models, the engine factory, spatial helpers and Alembic migrations.

Never imports Qt; `console.services` is its only client."""
