"""Pingan Console entry point: the GUI by default, `python main.py <command>` for admin commands.

This is the composition root: the only place where the core (console) meets the widgets."""
import os
import sys
import time

if os.environ.get("PINGAN_REPORT_STARTUP"):
    os.environ["PINGAN_STARTUP_CLOCK"] = str(time.time())

from console.cli import main  # imported after the clock above starts


def run_gui(settings, **options) -> int:
    from widgets.app import run_gui as launch

    return launch(settings, **options)


if __name__ == "__main__":
    sys.exit(main(gui=run_gui))
