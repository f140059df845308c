"""Matplotlib drawings made from the lesson's figure data; each returns a Figure and displays nothing."""
