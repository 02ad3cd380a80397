import pytest


def pytest_addoption(parser):
    parser.addoption("--fuzz-examples", type=int, default=15,
                     help="examples per fuzz property (tests/test_fuzz.py); CI's small budget by default")


def pytest_configure(config):
    # The small CI budget runs the same examples every time (derandomised); a long run asked for
    # with --fuzz-examples explores afresh, and hypothesis prints the seed of any failure.
    from hypothesis import settings

    settings.register_profile("soptui-ci", derandomize=True, print_blob=True)
    settings.register_profile("soptui-long", derandomize=False, print_blob=True)
    long_run = config.getoption("--fuzz-examples") > 15
    settings.load_profile("soptui-long" if long_run else "soptui-ci")


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own result cache, so no test sees another's (or the user's) results."""
    monkeypatch.setenv("SOPTUI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("SOPTUI_LANG", raising=False)
    monkeypatch.delenv("SOPTUI_DISABLE_PLUGIN_AUTOLOAD", raising=False)
