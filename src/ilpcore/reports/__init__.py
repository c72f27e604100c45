"""Human-readable views of model values (text now; HTML where a notebook wants it)."""

from ilpcore.reports.plan_text import plan_text

__all__ = ["plan_text"]
