"""A camera on 127.0.0.1 for tests: GStreamer's RTSP server with moving colour bars at /live.

Run it with Debian's /usr/bin/python3 (the `gi` bindings live there, not in the venv):
`rtsp_test_server.py PORT [WIDTH HEIGHT FPS [shared|per-client|camera]]`. ffmpeg cannot serve RTSP (its
listen mode only receives), hence GStreamer. Killing the process is a camera going offline; starting it again
on the same port is the camera coming back.

"shared" (the default): GStreamer's shared media, one encoder for every client, started by the first one.
Each later PLAY makes it seek, which restarts the encoder's GOP, so a joining client gets a key frame at once
(but clients whose PLAY lands while the stream is starting wait for the second key frame, 1 s later).
"per-client": an encoder for each connection, so every client starts on a key frame (what issue #4's
acceptance pictured: an ffmpeg encoding testsrc for each RTSP client); one encoder per client on this machine.
"camera": one encoder running from start-up, relayed to the clients over RTP on a loopback port (a jitter
buffer keeps the encoder's frame timing), so nothing a client does restarts its GOP: a client joining
mid-GOP waits up to 1 s for the next key frame, as on a camera that is already streaming."""
import socket
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer

port = sys.argv[1]
width, height, fps, media = (sys.argv[2:6] + ["640", "360", "25", "shared"][len(sys.argv[2:6]):])
if media not in ("shared", "per-client", "camera"):
    sys.exit(f"media must be shared, per-client or camera, not {media}")
Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)
encode = (f"videotestsrc is-live=true pattern=smpte horizontal-speed=4 ! video/x-raw,width={width},"
          f"height={height},framerate={fps}/1 "
          f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps}")
factory = GstRtspServer.RTSPMediaFactory()
if media == "camera":
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        relay_port = probe.getsockname()[1]
    camera = Gst.parse_launch(f"{encode} ! rtph264pay config-interval=-1 pt=96 "
                              f"! udpsink host=127.0.0.1 port={relay_port} sync=false async=false")
    camera.set_state(Gst.State.PLAYING)
    factory.set_launch(f"( udpsrc address=127.0.0.1 port={relay_port} caps=\"application/x-rtp,media=video,"
                       "clock-rate=90000,encoding-name=H264,payload=96\" ! rtpjitterbuffer latency=40 "
                       "! rtph264depay ! rtph264pay name=pay0 pt=96 )")
else:
    factory.set_launch(f"( {encode} ! rtph264pay name=pay0 pt=96 )")
factory.set_shared(media != "per-client")
server.get_mount_points().add_factory("/live", factory)
if server.attach(None) == 0:
    sys.exit(f"cannot listen on 127.0.0.1:{port}")
print("ready", flush=True)
GLib.MainLoop().run()
