"""Tests of the graduation-requirements engine."""
