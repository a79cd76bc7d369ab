"""Players and channels against live streams served on 127.0.0.1 by the test itself."""
from __future__ import annotations

import gc

import pytest
import shiboken6

from console.qtmodels import video_backends
from console.qtmodels.video_backends import LIBVLC, QT, LibVlcProbe, choose_backend, probe_libvlc
from console.qtmodels.video_channel import VideoChannel
from console.qtmodels.video_player import BackendUnavailable, PlayerState
from console.qtmodels.video_vlc import FramePump, VlcPlayer, live_native_players
from tests.gui.video_streams import (
    HttpFileServer,
    RtspServer,
    UdpTsSender,
    differs,
    free_port,
    is_mostly_black,
    make_clip,
    missing_tools,
    rtsp_server_missing,
)

VLC_FULL = LibVlcProbe(True, "3.0", True, "")
VLC_NO_RTSP = LibVlcProbe(True, "3.0", False, "no live555")
VLC_NONE = LibVlcProbe(False, "", False, "libVLC is not installed")


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    if missing_tools():
        pytest.skip(missing_tools())
    return make_clip(tmp_path_factory.mktemp("video") / "testsrc.ts")


@pytest.mark.parametrize(("url", "vlc", "qt", "expected"), [
    ("udp://@127.0.0.1:5000", VLC_NO_RTSP, True, LIBVLC),
    ("http://127.0.0.1/a.ts", VLC_NO_RTSP, False, LIBVLC),
    ("rtsp://127.0.0.1/live", VLC_NO_RTSP, True, QT),
    ("RTSP://127.0.0.1/live", VLC_FULL, True, LIBVLC),
    ("udp://@127.0.0.1:5000", VLC_NONE, True, QT),
])
def test_backend_is_chosen_by_what_is_installed(url, vlc, qt, expected):
    assert choose_backend(url, vlc, qt) == expected


@pytest.mark.parametrize(("url", "vlc", "needle"), [
    ("rtsp://127.0.0.1/live", VLC_NO_RTSP, "PySide6-Addons"),
    ("udp://@127.0.0.1:5000", VLC_NONE, "libVLC is not installed"),
])
def test_no_backend_says_what_to_install(url, vlc, needle):
    with pytest.raises(BackendUnavailable, match=needle):
        choose_backend(url, vlc, False)


def test_this_machine_is_probed_not_assumed():
    probe = probe_libvlc()
    assert probe.available
    assert choose_backend("rtsp://127.0.0.1/live") == (LIBVLC if probe.has_live555 else QT)


def _wait_state(qtbot, channel: VideoChannel, state: PlayerState, timeout_ms: int) -> None:
    qtbot.waitUntil(lambda: channel.state == state.value, timeout=timeout_ms)


def _check_live_pictures(qtbot, channel: VideoChannel) -> None:
    _wait_state(qtbot, channel, PlayerState.PLAYING, 20000)
    first = channel.last_frame
    assert first.width() == 640 and first.height() == 360
    qtbot.waitUntil(lambda: differs(first, channel.last_frame), timeout=10000)
    assert not is_mostly_black(channel.last_frame)


def _outage_and_recovery(qtbot, channel: VideoChannel, server) -> None:
    server.stop()
    _wait_state(qtbot, channel, PlayerState.NO_SIGNAL, 20000)
    server.start()
    _wait_state(qtbot, channel, PlayerState.PLAYING, 40000)
    assert channel.reconnects >= 1


def test_libvlc_plays_udp_and_reconnects_after_an_outage(qtbot, clip):
    with UdpTsSender(clip) as sender:
        channel = VideoChannel(sender.url)
        assert channel.backend_name == "libVLC"
        channel.start()
        try:
            _check_live_pictures(qtbot, channel)
            _outage_and_recovery(qtbot, channel, sender)
            _check_live_pictures(qtbot, channel)
        finally:
            channel.close()


def test_rtsp_plays_and_reconnects_after_an_outage(qtbot):
    if rtsp_server_missing():
        pytest.skip(rtsp_server_missing())
    with RtspServer() as server:
        channel = VideoChannel(server.url)
        assert channel.backend_name == ("libVLC" if probe_libvlc().has_live555 else "Qt Multimedia")
        channel.start()
        try:
            _check_live_pictures(qtbot, channel)
            _outage_and_recovery(qtbot, channel, server)
            _check_live_pictures(qtbot, channel)
        finally:
            channel.close()


def test_unreachable_url_gives_a_message_and_keeps_retrying(qtbot):
    channel = VideoChannel(f"http://127.0.0.1:{free_port()}/camera.ts")
    channel.start()
    try:
        _wait_state(qtbot, channel, PlayerState.ERROR, 5000)
        assert "cannot open" in channel.detail
        qtbot.waitUntil(lambda: channel.reconnects >= 2, timeout=5000)
    finally:
        channel.close()


def test_wrong_format_never_claims_a_picture(qtbot, tmp_path):
    (tmp_path / "notes.ts").write_bytes(b"this is not video\n" * 4000)
    with HttpFileServer(tmp_path) as server:
        channel = VideoChannel(server.url("notes.ts"))
        channel.start()
        try:
            qtbot.waitUntil(lambda: channel.state in (PlayerState.ERROR, PlayerState.NO_SIGNAL), timeout=9000)
            assert channel.last_frame is None
        finally:
            channel.close()


def test_missing_libvlc_is_a_message_not_a_crash(qtbot, monkeypatch):
    monkeypatch.setattr(video_backends, "probe_libvlc", lambda: VLC_NONE)
    monkeypatch.setattr(video_backends, "qt_multimedia_available", lambda: False)
    channel = VideoChannel("udp://@127.0.0.1:5000")
    channel.start()
    assert channel.state == PlayerState.ERROR
    assert "libVLC is not installed" in channel.detail
    assert channel.backend_name == "—"
    channel.close()


def test_hundred_open_close_cycles_leak_no_players(qtbot, clip):
    baseline = live_native_players()
    with UdpTsSender(clip) as sender:
        for i in range(100):
            channel = VideoChannel(sender.url)
            channel.start()
            if i % 10 == 0:
                _wait_state(qtbot, channel, PlayerState.PLAYING, 20000)
            channel.close()
            channel.deleteLater()
            qtbot.wait(5)
    del channel
    qtbot.waitUntil(lambda: live_native_players() == baseline, timeout=30000)
    assert FramePump.get().player_count() == 0
    qtbot.wait(50)
    gc.collect()
    alive = [o for o in gc.get_objects() if isinstance(o, (VideoChannel, VlcPlayer)) and shiboken6.isValid(o)]
    assert alive == []
