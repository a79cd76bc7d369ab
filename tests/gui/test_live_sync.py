"""Two consoles on one database: an incident created in another process reaches this console's inbox
without anyone pressing refresh. On PostgreSQL the feed's poll is set to a minute, so only the NOTIFY
wake-up can bring it in time; on SQLite the one-second poll does."""
from __future__ import annotations

import multiprocessing as mp
import time

import pytest
from sqlalchemy.orm import Session

from console.qtmodels.change_feed import ChangeFeed
from console.qtmodels.inbox_model import ID_ROLE, InboxModel
from console.qtmodels.tasks import TaskRunner
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade
from tests.db.incident_district import T0, actor, build

MINUTE_MS = 60_000


def _create_elsewhere(url: str, results) -> None:
    """The other console: one walk-in case in 湖里街道, committed; reports its id and commit time."""
    from console.services.incidents import NewIncident, create_incident

    engine = make_engine(url)
    try:
        with Session(engine) as s, s.begin():
            incident = create_incident(s, actor("op"), NewIncident("walk_in", "litter", "占道经营", 118.105, 24.505),
                                       now=T0)
            incident_id = incident.id
        results.put((incident_id, time.time()))
    finally:
        engine.dispose()


@pytest.fixture
def console(qtbot, db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    build(engine)
    runner = TaskRunner(make_session_factory(engine))
    poll_ms = MINUTE_MS if engine.dialect.name == "postgresql" else None
    feed = ChangeFeed(runner, poll_ms=poll_ms)
    model = InboxModel(runner, actor("op"), clock=lambda: T0)
    feed.sig_changes.connect(lambda _rows: model.refresh())
    with qtbot.waitSignal(model.sig_query_loaded, timeout=10000):
        model.refresh()
    feed.start()
    qtbot.waitUntil(lambda: feed.cursor is not None, timeout=10000)
    if engine.dialect.name == "postgresql":
        qtbot.waitUntil(lambda: feed.listening, timeout=10000)
    yield model, feed
    feed.stop()
    runner.shutdown()
    engine.dispose()


def test_an_incident_created_in_another_process_appears_in_the_inbox(qtbot, console, db_url):
    model, feed = console
    assert model.total == 0
    results = mp.get_context("spawn").Queue()
    writer = mp.get_context("spawn").Process(target=_create_elsewhere, args=(db_url, results))
    writer.start()
    incident_id, committed_at = results.get(timeout=120)
    writer.join(timeout=60)
    assert writer.exitcode == 0

    def shown() -> bool:
        return any(model.index(r, 0).data(ID_ROLE) == incident_id for r in range(model.rowCount()))

    qtbot.waitUntil(shown, timeout=20000)
    print(f"\n{db_url.split(':')[0].split('+')[0]}: shown {time.time() - committed_at:.2f} s after the other process committed"
          f" (feed listening: {feed.listening})")
    qtbot.waitUntil(lambda: model.total == 1, timeout=10000)
