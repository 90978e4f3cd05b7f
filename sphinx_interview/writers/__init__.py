"""Visitors for each output format, one module per format."""
