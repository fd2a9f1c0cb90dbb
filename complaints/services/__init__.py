"""Writes of the complaints app, one module per stage: intake, handling, resolution, the identity vault."""
