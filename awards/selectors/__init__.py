"""Read queries of the awards app, scoped to what the user may see, one module per workflow."""
