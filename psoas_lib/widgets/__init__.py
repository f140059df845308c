"""Thin ipywidgets views over the exercise logic: one module per exercise."""
