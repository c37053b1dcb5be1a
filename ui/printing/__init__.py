"""Printing in the GUI: the painter of app/printing's page primitives, the preview window."""
