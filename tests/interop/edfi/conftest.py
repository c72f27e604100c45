"""Where the real Ed-Fi sample data and the hand-made fixtures are."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ilpcore.data_location import find_data_dir

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def edfi_data() -> Path:
    return find_data_dir() / "interop" / "edfi"


@pytest.fixture(scope="session")
def grand_bend(edfi_data: Path) -> Path:
    return edfi_data / "grand_bend_ds5.2_xml"


@pytest.fixture(scope="session")
def edfi_acan(edfi_data: Path) -> Path:
    return edfi_data / "acan_transcript_composite_json" / "output.json"


@pytest.fixture(scope="session")
def edfi_data_descriptors(edfi_data: Path) -> dict[str, list[str]]:
    """The DS 5.2 descriptor code values (case-folded) of each descriptor file in the data."""
    found: dict[str, list[str]] = {}
    for path in sorted((edfi_data / "descriptors_ds5.2").glob("*.xml")):
        for element in ET.parse(path).getroot():
            kind = element.tag.rpartition("}")[2]
            code = element.findtext("{http://ed-fi.org/5.2.0}CodeValue") or ""
            found.setdefault(kind, []).append(code.casefold())
    return found
