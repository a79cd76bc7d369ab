"""Pingan Console entry point: the GUI by default, `python main.py <command>` for admin commands."""
import sys

from console.cli import main

if __name__ == "__main__":
    sys.exit(main())
