import pytest


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own result cache, so no test sees another's (or the user's) results."""
    monkeypatch.setenv("SOPTUI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("SOPTUI_LANG", raising=False)
    monkeypatch.delenv("SOPTUI_DISABLE_PLUGIN_AUTOLOAD", raising=False)
