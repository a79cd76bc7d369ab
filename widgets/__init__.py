"""Qt widgets only, one sub-package per panel; main_window assembles them into docks."""
