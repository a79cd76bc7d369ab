"""The incident inbox: queues, filters and the lazy case table, and the detail panel with the case's actions."""
