"""Student assessments and their metadata -> :class:`~ilpcore.model.AssessmentResult`."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from ilpcore.interop.edfi import descriptors
from ilpcore.interop.edfi.rows import AssessmentRow, RowError, StudentAssessmentRow
from ilpcore.interop.edfi.values import (
    descriptor_label,
    parse_date,
    required,
    school_year_of_date,
    school_year_start,
    slug,
    stable_id,
)
from ilpcore.model import AssessmentKind, AssessmentResult, Instrument, Score

__all__ = ["assessment_result", "grade_evidence"]


def _number(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _scores(row: StudentAssessmentRow, metadata: AssessmentRow | None) -> tuple[Score, ...]:
    ranges = (
        {}
        if metadata is None
        else {
            descriptor_label(method).casefold(): (_number(low), _number(high))
            for method, low, high in metadata.score_ranges
        }
    )
    scores: list[Score] = []
    seen: set[str] = set()
    for method, result in row.scores:
        scale = descriptor_label(required(method, "AssessmentReportingMethod"))
        value = _number(result)
        if value is None:
            continue  # a level or letter result ("Met Standard"): not a score
        if scale.casefold() in seen:
            raise RowError(f"two ScoreResults for {scale!r}")
        seen.add(scale.casefold())
        low, high = ranges.get(scale.casefold(), (None, None))
        scores.append(Score(scale, value, low, high))
    return tuple(scores)


def assessment_result(
    row: StudentAssessmentRow, metadata: Mapping[tuple[str, str | None], AssessmentRow]
) -> AssessmentResult:
    """The result of one student assessment, kind ``TEST``.

    The instrument is the assessment (id from its identifier, edition from its
    version, else its namespace; name from its title); scores come from the
    numeric score results, one scale per reporting method, with the minimum and
    maximum the assessment's metadata gives for that method.  The id is derived
    from the namespace, assessment and student assessment identifiers, so
    importing the same files again gives the same ids.
    """
    identifier = required(row.identifier, "StudentAssessmentIdentifier")
    assessment_id = required(row.assessment_id, "AssessmentIdentifier")
    meta = metadata.get((assessment_id, row.namespace)) or metadata.get((assessment_id, None))
    instrument_id = slug(assessment_id)
    if not instrument_id:
        raise RowError(f"AssessmentIdentifier {assessment_id!r} has no letters or digits")
    edition = (meta.version if meta else None) or row.namespace or "unversioned"
    name = (meta.title if meta else None) or assessment_id
    return AssessmentResult(
        stable_id("edfi-assessment", row.namespace or "", assessment_id, identifier),
        AssessmentKind.TEST,
        Instrument(instrument_id, edition, name if name != instrument_id else None),
        parse_date(required(row.administration_date, "AdministrationDate"), "AdministrationDate"),
        _scores(row, meta),
    )


def grade_evidence(row: StudentAssessmentRow) -> tuple[int, int] | None:
    """(school year, grade) the assessment was taken in, when it says its grade."""
    if row.grade_level is None:
        return None
    grade = descriptors.grade_level(row.grade_level)
    if row.school_year is not None:
        return school_year_start(row.school_year), grade
    taken = parse_date(
        required(row.administration_date, "AdministrationDate"), "AdministrationDate"
    )
    return school_year_of_date(taken), grade
