"""A tiny hand-made O*NET text release (three occupations) for loader tests."""

from __future__ import annotations

from pathlib import Path

HEADERS = {
    "Occupation Data.txt": "O*NET-SOC Code\tTitle\tDescription",
    "Alternate Titles.txt": "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)",
    "Task Statements.txt": (
        "O*NET-SOC Code\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source"
    ),
    "Interests.txt": (
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tDate\tDomain Source"
    ),
    "Job Zones.txt": "O*NET-SOC Code\tJob Zone\tDate\tDomain Source",
    "Work Values.txt": (
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tDate\tDomain Source"
    ),
    "Skills.txt": (
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error"
        "\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source"
    ),
    "Knowledge.txt": (
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error"
        "\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source"
    ),
    "Education, Training, and Experience.txt": (
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tCategory\tData Value\tN"
        "\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tDate\tDomain Source"
    ),
    "Related Occupations.txt": ("O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex"),
}

A, B, C = "11-1011.00", "15-1252.00", "55-1011.00"


def _interest_rows(code: str, scores: tuple[float, ...], highs: tuple[int, ...]) -> list[str]:
    names = ["Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"]
    rows = [
        f"{code}\t1.B.1.{'abcdef'[i]}\t{names[i]}\tOI\t{s:.2f}\t11/2023\tMachine Learning"
        for i, s in enumerate(scores)
    ]
    rows += [
        f"{code}\t1.B.1.{'ghi'[i]}\tHigh-Point\tIH\t{h:.2f}\t11/2023\tMachine Learning"
        for i, h in enumerate(highs)
    ]
    return rows


def _value_rows(code: str, scores: tuple[float, ...], highs: tuple[int, ...]) -> list[str]:
    rows = [
        f"{code}\t1.B.2.{'abcdef'[i]}\tValue\tEX\t{s:.2f}\t06/2008\tAnalyst"
        for i, s in enumerate(scores)
    ]
    rows += [
        f"{code}\t1.B.2.{'ghi'[i]}\tHigh-Point\tVH\t{h:.2f}\t06/2008\tAnalyst"
        for i, h in enumerate(highs)
    ]
    return rows


def _rating_rows(code: str, element: str, name: str, im: float, lv: float, nr: str) -> list[str]:
    return [
        f"{code}\t{element}\t{name}\tIM\t{im:.2f}\t8\t0.1\t1\t2\tN\tn/a\t08/2023\tAnalyst",
        f"{code}\t{element}\t{name}\tLV\t{lv:.2f}\t8\t0.1\t1\t2\tN\t{nr}\t08/2023\tAnalyst",
    ]


ROWS: dict[str, list[str]] = {
    "Occupation Data.txt": [
        f"{A}\tChief Executives\tDetermine and formulate policies.",
        f"{B}\tSoftware Developers\tResearch, design, and develop computer software.",
        f"{C}\tAir Crew Officers\tn/a",
    ],
    "Alternate Titles.txt": [
        f"{A}\tCEO\tn/a\t08",
        f"{A}\tPresident\tn/a\t08",
        f"{B}\tProgrammer\tn/a\t08",
    ],
    "Task Statements.txt": [
        f"{A}\t8823\tDirect financial activities.\tCore\t95\t08/2023\tIncumbent",
        f"{A}\t8824\tConfer with board members.\tSupplemental\t95\t08/2023\tIncumbent",
        f"{B}\t16987\tWrite computer programs.\tn/a\tn/a\t08/2023\tAnalyst",
    ],
    "Interests.txt": [
        *_interest_rows(A, (1.3, 3.24, 2.08, 3.52, 6.88, 5.0), (5, 6, 0)),
        *_interest_rows(B, (2.5, 6.9, 3.0, 1.8, 2.2, 4.6), (2, 6, 1)),
    ],
    "Job Zones.txt": [f"{A}\t5\t08/2023\tAnalyst", f"{B}\t4\t08/2023\tAnalyst"],
    "Work Values.txt": _value_rows(A, (6.33, 6.33, 7.0, 5.0, 5.33, 7.0), (3, 6, 1)),
    "Skills.txt": [
        *_rating_rows(A, "2.A.1.a", "Reading Comprehension", 4.12, 4.62, "N"),
        *_rating_rows(A, "2.B.4.e", "Judgment and Decision Making", 4.75, 5.38, "N"),
        *_rating_rows(B, "2.B.3.e", "Programming", 4.5, 5.0, "N"),
    ],
    "Knowledge.txt": [
        *_rating_rows(A, "2.C.4.a", "Mathematics", 3.5, 4.0, "N"),
        *_rating_rows(B, "2.C.3.a", "Computers and Electronics", 4.6, 5.1, "N"),
        *_rating_rows(B, "2.C.7.d", "History and Archeology", 1.0, 0.0, "Y"),
    ],
    "Education, Training, and Experience.txt": [
        f"{A}\t2.D.1\tRequired Level of Education\tRL\t{k}\t{v:.2f}\t28\t1\tn/a\tn/a\tN"
        "\t08/2023\tIncumbent"
        for k, v in ((2, 4.46), (6, 40.0), (8, 45.0), (11, 10.54))
    ]
    + [
        f"{A}\t3.A.1\tRelated Work Experience\tRW\t11\t70.00\t28\t1\tn/a\tn/a\tN\t08/2023"
        "\tIncumbent",
        f"{A}\t2.D.3.a\tSome Element\tIM\tn/a\t3.00\t28\t1\tn/a\tn/a\tN\t08/2023\tIncumbent",
    ],
    "Related Occupations.txt": [
        f"{A}\t{B}\tPrimary-Short\t2",
        f"{A}\t{C}\tSupplemental\t11",
        f"{B}\t{A}\tPrimary-Short\t1",
    ],
}

README = (
    "O*NET 30.1 Database\r\nDecember 2025 Release\r\n---------------------\r\n\r\n"
    "For information on current and future releases of the O*NET database,\r\n"
)


def write_release(folder: Path, **replace: str) -> Path:
    """Write the tiny release into ``folder``; ``replace`` maps a file stem to its whole text.

    Keys are the file names with spaces, commas and dots turned into ``_``
    (``Job_Zones_txt``), so tests can pass broken copies of a few files.
    """
    folder.mkdir(parents=True, exist_ok=True)
    files = {"Read Me.txt": README}
    for name, header in HEADERS.items():
        files[name] = "\r\n".join([header, *ROWS[name]]) + "\r\n"
    for key, text in replace.items():
        name = next(n for n in files if _key(n) == key)
        files[name] = text
    for name, content in files.items():
        (folder / name).write_bytes(content.encode("utf-8"))
    return folder


def _key(name: str) -> str:
    return name.replace(" ", "_").replace(",", "_").replace(".", "_").replace("*", "_")


def text_of(name: str, rows: list[str] | None = None, header: str | None = None) -> str:
    """The text of file ``name`` with other ``rows`` or ``header``."""
    return "\r\n".join([header or HEADERS[name], *(ROWS[name] if rows is None else rows)]) + "\r\n"
