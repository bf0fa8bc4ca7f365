"""Write paths of the awards app, one module per workflow: ``proposals``, ``council``,
``decisions``, ``typical``. Each function takes the acting user, checks permission, runs in a
transaction and writes the audit entry."""
