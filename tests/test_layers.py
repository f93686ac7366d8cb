"""The layering of bridge's modules, read from their source (no module is imported).

Each module belongs to one layer; a module may import (at the top or inside a
function) only from its own layer or the layers below, and the modules imported at
import time form no cycle. The layers, bottom to top, are those of
docs/architecture.md:

base      dtypes, devices, host-value conversion, the standard's elementwise tables
backends  kernel tables over raw arrays (numpy, native, cupy): no Tensor, no autograd
core      the Tensor, the registry, the dispatcher and its C front
interop   DLPack (capsules and the exchange table)
ops       the Python functions of the registry rows (bridge/_ops)
autograd  recording, the engine, the rules (written with the registry's ops namespace)
transforms  bridge.func: vmap's batched values and batching rules, grad/jacrev/...
front     the namespace ``bridge``, its extensions, the Tensor methods, NumPy's protocols
          and NumPy-compatible names
"""

from __future__ import annotations

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1] / "bridge"

LAYERS = [
    ("base", ["bridge._device", "bridge._dtypes", "bridge._threads", "bridge._host",
              "bridge._spec"]),
    ("backends", ["bridge.backends"]),
    ("core", ["bridge._fastpath", "bridge._dispatch", "bridge._registry", "bridge._tensor",
              "bridge._device_control", "bridge._info", "bridge._proxy"]),
    ("interop", ["bridge._dlpack", "bridge._dlpack_ext"]),
    ("ops", ["bridge._ops"]),
    ("autograd", ["bridge.autograd"]),
    ("transforms", ["bridge.func", "bridge._compile"]),
    ("front", ["bridge", "bridge._methods", "bridge._numpy_protocols", "bridge._ops.numpy_compat",
               "bridge._ufunc",
               "bridge.linalg", "bridge.fft", "bridge.random", "bridge._interop_defer",
               "bridge._interop_dask"]),
]
# the C extensions (no Python source): name -> the folder of their sources
EXTENSIONS = {"bridge._dlpack_ext", "bridge._fastpath._front", "bridge.backends.native._native",
              "bridge.backends.native._blas"}


def modules() -> dict[str, pathlib.Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = modules()


def layer_of(module: str) -> int:
    best = None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                if best is None or len(prefix) > best[1]:
                    best = (index, len(prefix))
    if best is None:
        raise AssertionError(f"{module} belongs to no layer: add it to tests/test_layers.py")
    return best[0]


def imports_of(module: str, path: pathlib.Path):
    """(target module, at import time?) for each import of bridge's own modules."""
    tree = ast.parse(path.read_text())
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    top_level = set()

    def visit_top(body):
        for node in body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                top_level.add(id(node))
            elif isinstance(node, (ast.If, ast.Try)):
                visit_top(node.body)
                visit_top(getattr(node, "orelse", []))
                visit_top(getattr(node, "finalbody", []))
                for handler in getattr(node, "handlers", []):
                    visit_top(handler.body)

    visit_top(tree.body)
    known = set(MODULES) | EXTENSIONS
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base
                     for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:  # bridge.x.y -> the module bridge.x
                name = name.rpartition(".")[0]
            if name.startswith("bridge") and name != module:
                yield name, id(node) in top_level


GRAPH = {m: sorted(set(imports_of(m, p))) for m, p in MODULES.items()}


def test_every_module_has_a_layer():
    for module in list(MODULES) + sorted(EXTENSIONS):
        layer_of(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_import_from_a_higher_layer(module):
    mine = layer_of(module)
    upward = [f"{target} ({LAYERS[layer_of(target)][0]})" for target, _ in GRAPH[module]
              if layer_of(target) > mine]
    assert not upward, f"{module} ({LAYERS[mine][0]}) imports from above: {upward}"


def test_no_import_cycle():
    graph = {m: {t for t, at_import in targets if at_import} for m, targets in GRAPH.items()}
    # Tarjan's strongly connected components: a component of two or more is a cycle
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def connect(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    assert not cycles, f"import cycles: {cycles}"


def test_backends_see_no_tensor():
    """Backends import nothing above them (checked above) and name no Tensor."""
    for module, path in MODULES.items():
        if layer_of(module) == 1:
            assert "Tensor(" not in path.read_text().replace("Backend(", ""), module
