import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Portraits and their renditions are real files: each test gets its own folder.
    settings.MEDIA_ROOT = str(tmp_path / "media")
