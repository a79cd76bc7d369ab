"""A camera on 127.0.0.1 for tests: GStreamer's RTSP server with moving colour bars at /live.

Run it with Debian's /usr/bin/python3 (the `gi` bindings live there, not in the venv):
`rtsp_test_server.py PORT [WIDTH HEIGHT FPS]`. ffmpeg cannot serve RTSP (its listen mode only receives),
hence GStreamer. Killing the process is a camera going offline; starting it again on the same port is the
camera coming back."""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer

port = sys.argv[1]
width, height, fps = (sys.argv[2:5] + ["640", "360", "25"][len(sys.argv[2:5]):])
Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch("( videotestsrc is-live=true pattern=smpte horizontal-speed=4 "
                   f"! video/x-raw,width={width},height={height},"
                   f"framerate={fps}/1 ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} "
                   "! rtph264pay name=pay0 pt=96 )")
factory.set_shared(True)
server.get_mount_points().add_factory("/live", factory)
if server.attach(None) == 0:
    sys.exit(f"cannot listen on 127.0.0.1:{port}")
print("ready", flush=True)
GLib.MainLoop().run()
