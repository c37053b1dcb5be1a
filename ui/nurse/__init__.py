"""The nurse's workstation (issue 13): the verification queue, the day's execution lists and
the skin tests, one tab of the main window beside the ward board (ui/nurse/page.py)."""
