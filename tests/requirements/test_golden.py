"""Golden audit snapshots of synthetic transcripts for every built-in rule set.

Regenerate with ``ILPCORE_UPDATE_GOLDEN=1 pytest tests/requirements/test_golden.py`` and
review the JSON diffs in ``tests/requirements/golden/``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest

from ilpcore.model import CourseStatus
from ilpcore.requirements import RuleSet, evaluate, registry
from ilpcore.testing.rulesets import complete_record

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ILPCORE_UPDATE_GOLDEN") == "1"


def snapshots(rs: RuleSet) -> dict[str, dict[str, Any]]:
    rec = complete_record(rs)
    partial = []
    for i, c in enumerate(rec.courses):
        if i % 5 == 0:
            continue
        if i % 4 == 1:
            c = attrs.evolve(c, status=CourseStatus.IN_PROGRESS, mark=None)
        elif i % 4 == 2:
            c = attrs.evolve(c, status=CourseStatus.PLANNED, mark=None)
        partial.append(c)
    kw: dict[str, Any] = {
        "assessments": rec.assessments,
        "milestones": rec.milestones,
        "ilp_aligned": rec.ilp_aligned,
    }
    return {
        "complete": evaluate(rs, rec.courses, **kw).to_dict(),
        "partial": evaluate(rs, partial, **kw).to_dict(),
        "empty": evaluate(rs, ()).to_dict(),
    }


@pytest.mark.parametrize("rule_set_id", [rs.id for rs in registry.builtin_rule_sets()])
def test_golden_audits(rule_set_id: str) -> None:
    rs = registry.get(rule_set_id)
    for name, doc in snapshots(rs).items():
        path = GOLDEN / f"{rule_set_id}.{name}.json"
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        if UPDATE:
            path.write_text(text, encoding="utf-8")
            continue
        assert path.exists(), f"no snapshot {path.name}; run with ILPCORE_UPDATE_GOLDEN=1"
        assert json.loads(path.read_text(encoding="utf-8")) == doc, path.name
