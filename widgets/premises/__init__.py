"""The premises table panel: search, count, sortable lazy table."""
