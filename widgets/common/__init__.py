"""Widgets shared by several panels and the main window: sign-in, status bar, layouts, actions."""
