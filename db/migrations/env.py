"""Alembic environment: run against the connection handed over by `db.migrate`."""
from alembic import context

from db import (
    models_dossier,  # noqa: F401 - registers the premise edit history on Base.metadata
    models_inspection,  # noqa: F401 - registers the rectification and SMS tables on Base.metadata
    models_scoring,  # noqa: F401 - registers the scoring tables on Base.metadata
)
from db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `python main.py db upgrade`")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
