import pytest

from .factories import code_version


@pytest.fixture
def code_1_0(db):
    """Version 1.0 in force: three principles in two sections."""
    return code_version("1.0", {1: "People first.", 2: "Share the benefits.",
                                3: "AI systems are reliable and secure."}, sections=2)
