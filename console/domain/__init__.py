"""Pure-Python rules: no Qt, no database."""
