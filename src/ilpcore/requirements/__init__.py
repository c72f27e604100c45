"""Graduation requirements: declarative, cited, cohort-dated rule sets and an exact audit.

>>> from ilpcore.requirements import registry
>>> rs = registry.find("US-KY", 2027)
>>> rs.diploma
'High School Diploma (minimum requirements)'
"""

from __future__ import annotations

from ilpcore.requirements.audit import (
    Applied,
    Audit,
    AuditNode,
    Cost,
    Status,
    evaluate,
    evaluate_for,
)
from ilpcore.requirements.inputs import Milestone, MilestoneStatus, Override, OverrideAction
from ilpcore.requirements.loading import load_rule_set, parse_rule_set
from ilpcore.requirements.marks import LetterGrade, MarkScale, ScaleKind
from ilpcore.requirements.plan_inputs import plan_audit_inputs
from ilpcore.requirements.plan_milestones import audit_milestones
from ilpcore.requirements.rules import (
    AssessmentRequirement,
    Cap,
    ChooseRequirement,
    CourseFilter,
    CourseRequirement,
    CreditsRequirement,
    GpaRequirement,
    MilestoneRequirement,
    Requirement,
    ScoreAlternative,
    ScoreMinimum,
    TimingRequirement,
)
from ilpcore.requirements.ruleset import (
    Cohort,
    CohortKind,
    CreditUnit,
    Reference,
    RuleSet,
    RuleSetKind,
)
from ilpcore.requirements.summary import AreaSummary, AuditSummary, Headline, headline, summarize

__all__ = [
    "Applied",
    "AreaSummary",
    "AssessmentRequirement",
    "Audit",
    "AuditNode",
    "AuditSummary",
    "Cap",
    "ChooseRequirement",
    "Cohort",
    "CohortKind",
    "Cost",
    "CourseFilter",
    "CourseRequirement",
    "CreditUnit",
    "CreditsRequirement",
    "GpaRequirement",
    "Headline",
    "LetterGrade",
    "MarkScale",
    "Milestone",
    "MilestoneRequirement",
    "MilestoneStatus",
    "Override",
    "OverrideAction",
    "Reference",
    "Requirement",
    "RuleSet",
    "RuleSetKind",
    "ScaleKind",
    "ScoreAlternative",
    "ScoreMinimum",
    "Status",
    "TimingRequirement",
    "audit_milestones",
    "evaluate",
    "evaluate_for",
    "headline",
    "load_rule_set",
    "parse_rule_set",
    "plan_audit_inputs",
    "summarize",
]
