"""Qt item models fed by the storage and analysis services (never by SQL)."""
