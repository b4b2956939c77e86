"""Migration & Development Observatory."""
