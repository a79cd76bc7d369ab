"""Qt item models and QObject façades that widgets bind to (Qt, but no widgets)."""
