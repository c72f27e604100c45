"""Where the real Ed-Fi sample data and the hand-made fixtures are."""

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
