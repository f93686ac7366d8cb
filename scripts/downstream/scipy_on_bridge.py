"""pytest plugin: SciPy's own array API tests (``-m array_api_backends``) on bridge.

SciPy's ``conftest.py`` builds its ``xp`` fixture from the libraries it knows. When
that conftest registers, this plugin (loaded with ``-p scipy_on_bridge``) replaces the
fixture by one over bridge alone, with the same skip/xfail markers and the same
``default_xp`` context, and adds bridge to the known backends so that ``np_only``
skips apply to it as to any non-NumPy library. SciPy's ``devices`` fixture appends a
list to ``devices()``, which the 2025.12 standard made a tuple; the replacement
converts it. Used by ``scripts/downstream_suites.sh``.
"""

import os

os.environ.setdefault("SCIPY_ARRAY_API", "1")

import pytest  # noqa: E402


@pytest.hookimpl(tryfirst=True)
def pytest_plugin_registered(plugin, manager):
    if getattr(plugin, "__name__", "") != "scipy.conftest":
        return
    from scipy._lib._array_api import array_namespace, default_xp
    from scipy._lib.array_api_extra.testing import patch_lazy_xp_functions

    import bridge

    conftest = plugin
    conftest.xp_known_backends.add("bridge")

    @pytest.fixture(params=[pytest.param(bridge, id="bridge",
                                         marks=pytest.mark.array_api_backends)])
    def xp(request):
        conftest.skip_or_xfail_xp_backends(request, "skip")
        conftest.skip_or_xfail_xp_backends(request, "xfail")
        namespace = array_namespace(request.param.empty(0))
        with patch_lazy_xp_functions(request=request, xp=request.param):
            with default_xp(namespace):
                yield namespace

    @pytest.fixture
    def devices(xp):
        return list(xp.__array_namespace_info__().devices()) + [None]

    conftest.xp = xp
    conftest.devices = devices
