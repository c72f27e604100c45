"""Who may see and change which part of a student's plan (FERPA-minded, deny by default)."""

from ilpcore.access.policy import DEFAULT_POLICY, AccessPolicy, Decision, Grant, decide
from ilpcore.access.relationships import Relationships, StudentFacts, age_on
from ilpcore.access.sections import SECTION_FIELDS, Action, Scope, Section

__all__ = [
    "DEFAULT_POLICY",
    "SECTION_FIELDS",
    "AccessPolicy",
    "Action",
    "Decision",
    "Grant",
    "Relationships",
    "Scope",
    "Section",
    "StudentFacts",
    "age_on",
    "decide",
]
