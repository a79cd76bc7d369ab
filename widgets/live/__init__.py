"""Live field state: notices about grid workers gone silent during duty hours."""
