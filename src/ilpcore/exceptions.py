"""Every error a user of ilpcore can cause.

All of them derive from :class:`IlpcoreError`, so a host application can catch
one type at its boundary.  Errors about a value say *where* the value is: a
path such as ``courses[3].credits`` inside a document, or a file, line and
column inside a data release.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "AccessDeniedError",
    "BlobTooLargeError",
    "ConflictError",
    "DataFileError",
    "ExportError",
    "ExportExistsError",
    "ExtraNotInstalledError",
    "IlpcoreError",
    "JsonResumeError",
    "MediaTypeMismatchError",
    "NoRuleSetError",
    "NotFoundError",
    "OverrideError",
    "PluginError",
    "Problem",
    "ResearchExportError",
    "ResearchKeyError",
    "ResumeRenderError",
    "RuleSetError",
    "SchemaError",
    "StoreError",
    "StoreSchemaError",
    "StoreURLError",
    "UndifferentiatedProfileError",
    "UnknownEntryEducationError",
    "UnknownLocationError",
    "UnsafeFileNameError",
    "UnsafeMediaTypeError",
    "UnsupportedVersionError",
    "ValidationError",
    "join_path",
]


def join_path(parent: str, child: str | int) -> str:
    """Join a path prefix and a field name or list index.

    >>> join_path("", "courses")
    'courses'
    >>> join_path("courses", 3)
    'courses[3]'
    >>> join_path("courses[3]", "credits")
    'courses[3].credits'
    """
    if isinstance(child, int):
        return f"{parent}[{child}]"
    if not parent:
        return child
    if not child:
        return parent
    if child.startswith("["):
        return parent + child
    return f"{parent}.{child}"


@attrs.frozen
class Problem:
    """One thing wrong with a value, and where it is."""

    path: str
    """Where the bad value is, e.g. ``courses[3].credits``; ``""`` is the whole document."""
    message: str
    """What is wrong with it, in words for a person."""

    def under(self, prefix: str | int) -> Problem:
        """The same problem seen from a containing value."""
        return Problem(join_path_prefix(prefix, self.path), self.message)

    def __str__(self) -> str:
        return f"{self.path or '(document)'}: {self.message}"


def join_path_prefix(prefix: str | int, path: str) -> str:
    """Put ``prefix`` in front of ``path`` (which is relative to it)."""
    head = join_path("", prefix) if isinstance(prefix, int) else prefix
    if not path:
        return head
    if path.startswith("["):
        return head + path
    return join_path(head, path)


class IlpcoreError(Exception):
    """The root of every error that ilpcore raises because of its input."""


class ValidationError(IlpcoreError, ValueError):
    """A value or document is not valid.

    ``problems`` lists *every* problem found, each with the path to the bad
    value, so a user can fix them all at once.

    >>> err = ValidationError([Problem("credits", "must not be negative")])
    >>> str(err)
    'credits: must not be negative'
    >>> err.paths
    ('credits',)
    """

    problems: tuple[Problem, ...]
    """Every problem found, in the order found (at least one)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("a ValidationError needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, path: str, message: str) -> ValidationError:
        """A validation error with a single problem."""
        return cls([Problem(path, message)])

    @property
    def paths(self) -> tuple[str, ...]:
        """The paths of all problems, in the order found."""
        return tuple(p.path for p in self.problems)

    def under(self, prefix: str | int) -> ValidationError:
        """The same error with every path seen from a containing value."""
        return type(self)([p.under(prefix) for p in self.problems])

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))


class SchemaError(ValidationError):
    """A document names a schema that ilpcore does not know, or a different one than asked for."""


class UnsupportedVersionError(ValidationError):
    """A document's version is newer than this ilpcore, or has no upgrade path."""


class DataFileError(IlpcoreError):
    """A published data file (O*NET, BLS, NCES...) is missing or malformed.

    Names the file and, where known, the line (1-based, header is line 1) and column.
    """

    def __init__(
        self, file: str, message: str, *, line: int | None = None, column: str | None = None
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        where = file
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_data_file_error, (self.file, self.message, self.line, self.column))


def _rebuild_data_file_error(
    file: str, message: str, line: int | None, column: str | None
) -> DataFileError:
    return DataFileError(file, message, line=line, column=column)


class NotFoundError(IlpcoreError, LookupError):
    """Something asked for by key (a student, a revision, an occupation code) does not exist."""


class ConflictError(IlpcoreError):
    """A write was based on a revision that is no longer the current one; nothing was changed."""


class PluginError(IlpcoreError):
    """A plugin failed to load or implements a hook wrongly; the message names the plugin."""


# --- plugins and storage ---


class StoreError(IlpcoreError):
    """A store cannot do what was asked (bad location, unreadable database...); names the store."""


class StoreURLError(StoreError, ValueError):
    """A store URL is malformed, or no installed plugin opens its scheme; names the URL."""


class StoreSchemaError(StoreError):
    """A database was written by a newer ilpcore (its schema version is unknown here)."""


class BlobTooLargeError(StoreError, ValueError):
    """An artifact's content is larger than the store's size limit; names both sizes."""


# --- matching: interests and ranking ---


class UndifferentiatedProfileError(ValidationError):
    """A score profile is too flat to rank occupations by correlation.

    Raised by matching unless the caller asks for a best effort; the problem's
    path names the profile (e.g. ``scores``) and the message gives its spread.
    """


# --- requirements ---


class RuleSetError(ValidationError):
    """A graduation rule set (TOML or JSON) is not valid; each problem names its path in the file.

    >>> str(RuleSetError([Problem("requirements[2].min_credits", "must not be negative")]))
    'requirements[2].min_credits: must not be negative'
    """


class NoRuleSetError(NotFoundError):
    """No rule set is registered for the jurisdiction, cohort and diploma asked for."""


class OverrideError(ValidationError):
    """An audit override (waiver, substitution...) names a missing requirement path or course."""


# --- resume ---


class ExtraNotInstalledError(IlpcoreError, ImportError):
    """A feature needs an optional extra that is not installed; the message names the extra."""

    def __init__(self, extra: str, feature: str, package: str) -> None:
        self.extra = extra
        self.package = package
        super().__init__(
            f"{feature} need the optional extra {extra!r} ({package} is not installed): "
            f"pip install 'ilpcore[{extra}]'"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_extra_error, (self.extra, self.package, str(self)))


def _rebuild_extra_error(extra: str, package: str, message: str) -> ExtraNotInstalledError:
    error = ExtraNotInstalledError.__new__(ExtraNotInstalledError)
    error.extra, error.package = extra, package
    IlpcoreError.__init__(error, message)
    return error


class JsonResumeError(ValidationError):
    """A JSON Resume document cannot be imported; each problem names the path of the bad value
    (e.g. ``work[2].startDate``)."""


class ResumeRenderError(IlpcoreError):
    """A resume could not be rendered or written where asked (the PDF layout failed, a PDF was
    sent to a terminal, the output file cannot be written); the message says why."""


# --- colleges ---


class UnknownEntryEducationError(IlpcoreError, ValueError):
    """An occupation's "typical entry education" is not one of the BLS categories."""

    def __init__(self, value: str, known: tuple[str, ...]) -> None:
        self.value = value
        self.known = known
        super().__init__(
            f"entry_education: {value!r} is not a BLS entry-education category "
            f"(one of {', '.join(map(repr, known))})"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.value, self.known))


class UnknownLocationError(NotFoundError):
    """A ZIP code or place to measure distance from is not known to the college directory."""


# --- access and audit ---


class AccessDeniedError(IlpcoreError, PermissionError):
    """The access policy does not let the acting user do this; nothing was read or changed.

    Names the actor, the action, the plan section and the policy's reason.

    >>> err = AccessDeniedError("P1", "parent_guardian", "write", "goals", "S1", "no grant")
    >>> str(err)
    "parent_guardian 'P1' may not write goals of student 'S1': no grant"
    """

    def __init__(
        self,
        actor_id: str,
        role: str,
        action: str,
        section: str,
        student_id: str | None,
        reason: str,
    ) -> None:
        self.actor_id = actor_id
        self.role = role
        self.action = action
        self.section = section
        self.student_id = student_id
        self.reason = reason
        whose = f" of student {student_id!r}" if student_id is not None else ""
        super().__init__(f"{role} {actor_id!r} may not {action} {section}{whose}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (
            AccessDeniedError,
            (self.actor_id, self.role, self.action, self.section, self.student_id, self.reason),
        )


# --- portfolio ---


class UnsafeFileNameError(ValidationError):
    """A work sample's file name is unsafe to save on a student's computer (a path, a control
    character, a reserved Windows name, too long...); the problem names the file name and why.

    >>> str(UnsafeFileNameError.at("filename", "'../x.pdf' is not a safe file name: it holds '/'"))
    "filename: '../x.pdf' is not a safe file name: it holds '/'"
    """


class UnsafeMediaTypeError(ValidationError):
    """A work sample's content is of a type the portfolio refuses (HTML, SVG, scripts,
    programs, unknown binary data) or is not recognised; the problem names the type found."""


class MediaTypeMismatchError(ValidationError):
    """A work sample's content is not what its file extension or declared media type says
    (a PNG named ``.pdf``); the problem names both."""


class ExportError(IlpcoreError):
    """An export (a portfolio folder or zip, a portable plan) cannot be written where asked;
    the message names the target and why."""


class ExportExistsError(ExportError, FileExistsError):
    """An export's target already exists, and replacing it was not asked for (``force``), or
    it is not an earlier export of the same kind, which alone may be replaced; names the
    target."""


# --- research exports ---


class ResearchKeyError(IlpcoreError, ValueError):
    """The pseudonym key of a research export cannot be used: the key file is missing,
    unreadable or shorter than 32 bytes; the message names the file."""


class ResearchExportError(ExportError):
    """A research export cannot be written: the output folder is not empty, or the plans
    changed between the export's two passes (nothing was written); the message says which."""
