"""The bad-input fuzzer's quick profile (fuzz/): every function of the registry on every
CPU backend, each batch in a subprocess. No crash, hang, input modified, or exception
outside the standard's types; every error message names the function called."""

from __future__ import annotations

import json

import bridge
import fuzz.__main__ as fuzz_main


def test_quick_profile(tmp_path):
    out = tmp_path / "fuzz.json"
    backends = [b for b in bridge.available_backends() if b != "cupy"]
    args = ["--profile", "quick", "--json", str(out)]
    for b in backends:
        args += ["--backend", b]
    status = fuzz_main.main(args)
    report = json.loads(out.read_text())["report"]
    for backend in backends:
        counts = report[backend]["counts"]
        findings = report[backend]["findings"]
        assert counts["calls"] > 3000, counts
        for kind in ("crashes", "hangs", "wrong_type", "mutated", "unnamed"):
            assert counts[kind] == 0, (backend, kind, findings.get(kind, [])[:10])
    assert status == 0
