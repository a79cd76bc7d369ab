"""Export of the cases an operator is looking at: the inbox's current queue and filters, in its order, as
Open311 JSON or an XLSX case list (the same writers as `export incidents` on the command line)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from console.domain.deadlines import DeadlinePolicy
from console.importers.incident_tables import write_xlsx
from console.importers.open311 import write_open311
from console.services.incident_import import export_rows_of
from console.services.incident_queues import InboxQuery, inbox_page_after
from console.services.jurisdiction import Actor

PAGE = 5000


def queue_ids(session: Session, actor: Actor, q: InboxQuery, policy: DeadlinePolicy) -> list[int]:
    """Every case id of the query in its order, by keyset pages."""
    ids: list[int] = []
    after = None
    while True:
        rows = inbox_page_after(session, actor, q, policy, after=after, limit=PAGE)
        ids.extend(r.id for r in rows)
        if len(rows) < PAGE:
            return ids
        after = rows[-1]


def export_queue(session: Session, actor: Actor, q: InboxQuery, policy: DeadlinePolicy, path: Path,
                 fmt: str) -> int:
    """Write the query's cases to `path` as "open311" or "xlsx"; returns how many."""
    rows = export_rows_of(session, actor, queue_ids(session, actor, q, policy))
    return write_open311(path, rows) if fmt == "open311" else write_xlsx(path, rows)
