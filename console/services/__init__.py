"""Use-cases over the database, one module per capability; every call takes the acting user."""
