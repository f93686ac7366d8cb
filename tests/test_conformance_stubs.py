"""The conformance suite reads the standard from its own stubs (conformance/stubs.py)
and turns the "Special cases" bullets into rows (conformance/special_cases.py): the
parser against the standard's name list, known signatures and known rows; every
bullet parsed or listed in UNPARSED; derived rows against cmath; and planted
deviations caught when run against array_api_strict."""

from __future__ import annotations

import cmath
import inspect
import math
import pathlib
import struct
import sys
import types

import numpy as np
import pytest

import conformance
from conformance import special_cases as sc
from conformance import stubs
from conformance.areas import namespace as namespace_area
from conformance.core import CheckFailure, Context
from conformance.elementwise_table import BY_NAME, NARROWED
from conformance.signatures import compare, signature_keys, standard_parameters

xp_strict = pytest.importorskip("array_api_strict")

REPO = pathlib.Path(__file__).resolve().parents[1]
SHIPPED = REPO / "conformance" / "spec" / "2025.12"
INF, NAN = math.inf, math.nan

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = None


def namespace_copy(module, **replacements):
    """A module-like copy of ``module`` with some functions replaced."""
    copy = types.SimpleNamespace(**{name: getattr(module, name) for name in dir(module) if not name.startswith("__")})
    copy.__array_api_version__ = module.__array_api_version__
    copy.__array_namespace_info__ = module.__array_namespace_info__
    copy.__name__ = f"{module.__name__} (planted)"
    for name, function in replacements.items():
        setattr(copy, name, function)
    return copy


# ------------------------------------------------------------------ the stubs folder


def test_the_stubs_ship_inside_the_package_with_their_licence():
    assert stubs.spec_directory() == SHIPPED
    assert (SHIPPED / "LICENSE").read_text().startswith("MIT License")
    assert (SHIPPED / "elementwise_functions.py").is_file()


def test_package_data_includes_every_file_of_the_stubs():
    if tomllib is None:
        pytest.skip("tomllib needs Python 3.11")
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["conformance"]
    shipped = {p.relative_to(REPO / "conformance") for p in SHIPPED.iterdir() if p.is_file()}
    covered = {p for p in shipped if any(p.match(pattern) for pattern in patterns)}
    assert covered == shipped, sorted(map(str, shipped - covered))


def test_spec_dir_environment_variable_overrides_the_shipped_copy(tmp_path, monkeypatch):
    copy = tmp_path / "stubs"
    copy.mkdir()
    for path in SHIPPED.iterdir():
        (copy / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    # a later revision that renames a parameter: the suite reads it from the new folder
    text = (copy / "elementwise_functions.py").read_text(encoding="utf-8")
    (copy / "elementwise_functions.py").write_text(text.replace("def abs(x: array, /)", "def abs(y: array, /)"),
                                                   encoding="utf-8")
    monkeypatch.setenv(stubs.SPEC_DIR_ENV, str(copy))
    assert stubs.spec_directory() == copy
    assert stubs.load()["abs"].parameter_list() == "y, /"
    monkeypatch.setenv(stubs.SPEC_DIR_ENV, str(tmp_path / "missing"))
    with pytest.raises(FileNotFoundError, match="CONFORMANCE_SPEC_DIR"):
        stubs.spec_directory()


# ---------------------------------------------------------------------- names


def name_lists():
    lists = [REPO / "conformance" / "spec_names.txt"]
    shared = REPO.parent / "shared" / "spec" / "array-api-2025.12.txt"
    if shared.is_file():
        lists.append(shared)
    return lists


@pytest.mark.parametrize("path", name_lists(), ids=lambda p: p.name)
def test_names_per_namespace_match_the_standards_list(path):
    listed: dict[str, set[str]] = {}
    for line in path.read_text().splitlines():
        if line.strip():
            kind, _, name = line.strip().partition(":")
            listed.setdefault(kind, set()).add(name)
    parsed: dict[str, set[str]] = {}
    for kind, name in namespace_area.stub_names():
        parsed.setdefault(kind, set()).add(name)
    prose_only = set(namespace_area.PROSE_KINDS)  # __radd__, __iadd__ ...: named by the prose, not the stubs
    assert set(parsed) == set(listed) - prose_only
    for kind in parsed:
        assert parsed[kind] == listed[kind], kind
    counts = {kind: len(names) for kind, names in parsed.items()}
    assert counts == {"main": 137, "const": 5, "dtype": 13, "dtype_method": 1, "array": 41, "info": 5,
                      "finfo": 6, "iinfo": 4, "linalg": 25, "fft": 14}


def test_functions_missing_from_a_modules_all_are_still_read():
    # 2025.12's linalg.py defines eig and eigvals without listing them in __all__
    standard = stubs.standard()
    assert standard["linalg.eig"].parameter_list() == "x, /"
    assert standard["linalg.eigvals"].kind == "function"


# ----------------------------------------------------------------- signatures


@pytest.mark.parametrize("key, parameters", [
    ("abs", "x, /"),
    ("add", "x1, x2, /"),
    ("linspace", "start, stop, /, num, *, dtype=None, device=None, endpoint=True"),
    ("full_like", "x, /, fill_value, *, dtype=None, device=None"),
    ("meshgrid", "*arrays, indexing='xy'"),
    ("eye", "n_rows, n_cols=None, /, *, k=0, dtype=None, device=None"),
    ("isdtype", "dtype, kind"),
    ("clip", "x, /, min=None, max=None"),
    ("std", "x, /, *, axis=None, correction=0.0, keepdims=False"),
    ("linalg.matrix_norm", "x, /, *, keepdims=False, ord='fro'"),
    ("linalg.vector_norm", "x, /, *, axis=None, keepdims=False, ord=2"),
    ("fft.fftfreq", "n, /, *, d=1.0, dtype=None, device=None"),
    ("array.__dlpack__", "*, stream=None, max_version=None, dl_device=None, copy=None"),
    ("array.to_device", "device, /, *, stream=None"),
    ("info.dtypes", "*, device=None, kind=None"),
])
def test_known_signatures(key, parameters):
    assert standard_parameters(key) == parameters


def test_parameter_kinds_defaults_and_annotations():
    standard = stubs.standard()
    P = inspect.Parameter
    linspace = standard["linspace"]
    assert [p.kind for p in linspace.parameters] == [P.POSITIONAL_ONLY, P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD,
                                                     P.KEYWORD_ONLY, P.KEYWORD_ONLY, P.KEYWORD_ONLY]
    assert linspace.parameter("endpoint").default_value() is True
    assert linspace.parameter("num").required
    assert standard["atan2"].parameter("x1").annotation == "Union[array, int, float]"
    assert standard["abs"].returns == "array"
    assert standard["linalg.svd"].returns == "Tuple[array, array, array]"
    assert standard["meshgrid"].parameters[0].kind is P.VAR_POSITIONAL
    # a default that is not a literal keeps its source text
    assert standard["array.__dlpack__"].parameter("stream").default == "None"
    assert standard["pi"].value == "3.141592653589793"
    signature = standard["std"].signature()
    assert signature.parameters["correction"].default == 0.0


def test_docstring_sections_and_parameter_text():
    standard = stubs.standard()
    acos = standard["acos"]
    assert {"Summary", "Parameters", "Returns", "Special cases"} <= set(acos.sections)
    assert acos.parameter("x").description == "input array. Should have a floating-point data type."
    assert "**Special cases**" not in acos.special_cases
    assert acos.special_cases.startswith("For real-valued floating-point operands")
    assert "OverflowError" in standard["array.__int__"].section("Raises")
    assert "Special cases" in standard["linalg.slogdet"].sections


@pytest.mark.parametrize("key, parameter, category", [
    ("abs", "x", "numeric"), ("atan2", "x1", "real floating"), ("atan2", "x2", "real floating"),
    ("acos", "x", "floating"), ("imag", "x", "complex floating"), ("bitwise_and", "x1", "integer or bool"),
    ("bitwise_left_shift", "x1", "integer"), ("logical_and", "x1", "bool"), ("ceil", "x", "real numeric"),
    ("equal", "x1", "any"), ("mean", "x", "floating"), ("linalg.cholesky", "x", "floating"),
])
def test_dtype_wording_becomes_a_category(key, parameter, category):
    p = stubs.standard()[key].parameter(parameter)
    assert p.dtype_category == category
    assert p.dtype_modal == ("may" if category == "any" else "should")  # "May have any data type"


def test_must_and_should_sentences_bold_or_not():
    standard = stubs.standard()
    mean = standard["mean"].requirements
    assert any(r.modal == "must" and r.bold and "computed over the entire array" in r.text for r in mean)
    acos = standard["acos"].requirements
    symmetry = [r for r in acos if "conj(acos(x))" in r.text]
    assert symmetry and symmetry[0].modal == "must" and not symmetry[0].bold
    modals = {r.modal for e in standard.entries for r in e.requirements}
    assert {"must", "must not", "should", "should not", "may"} <= modals
    assert any(r.modal == "must not" and r.bold for e in standard.entries for r in e.requirements)
    assert any(r.modal == "should" and r.bold and r.section == "Parameters: x" for r in mean)


def test_elementwise_table_reads_arity_category_and_result_from_the_stubs():
    assert (BY_NAME["atan2"].arity, BY_NAME["atan2"].category, BY_NAME["atan2"].result) == (2, "real floating",
                                                                                         "promoted")
    assert (BY_NAME["abs"].category, BY_NAME["abs"].result) == ("numeric", "real")
    assert BY_NAME["isnan"].result == "bool"
    assert BY_NAME["imag"].result == "real"
    from conformance.core import DTYPE_CATEGORIES
    for name, (narrowed, reason) in NARROWED.items():
        stated = stubs.standard()[name].parameters[0].dtype_category
        assert set(DTYPE_CATEGORIES[narrowed]) < set(DTYPE_CATEGORIES[stated]) and reason


# ------------------------------------------------------------------ the grammar


def test_every_bullet_parses_or_is_listed_with_a_reason():
    grammar = sc.grammar()
    assert grammar.bullets == 486
    unparsed = grammar.unparsed
    assert len(unparsed) == len(sc.UNPARSED) == 6
    assert {(u.function, start) for u in unparsed for (f, start) in sc.UNPARSED if f == u.function
            and u.bullet.startswith(start)} == set(sc.UNPARSED)
    for u in unparsed:
        assert not u.reason.startswith("grammar:"), (u.function, u.bullet)
    stated = [r for r in grammar.rows if r.stated]
    assert len(stated) + len(unparsed) == grammar.bullets


def test_the_errata_reading_is_applied():
    (function, start), (condition, reason) = next(iter(sc.ERRATA.items()))
    rows = [r for r in sc.rows_of(function) if r.bullet.startswith(start)]
    assert len(rows) == 1 and "x1_i == x2_i" in rows[0].text() and reason
    assert not holds_at(rows[0], 0.0, INF)  # not_equal(0, inf) is True, not "the remaining cases"
    assert holds_at(rows[0], INF, INF)


def find(function: str, text: str, width: int | None = None) -> sc.SpecialCase:
    """The row of ``function`` with this text (and ``width`` operands: isinf has a real
    and a complex "remaining cases → False")."""
    matches = [r for r in sc.SPECIAL_CASES if r.function == function and r.text() == text
               and (width is None or len(r.names) == width)]
    assert len(matches) == 1, [r.text() for r in sc.rows_of(function)]
    return matches[0]


def key(values) -> tuple:
    """Values told apart by their bits (NaN equal to NaN, -0 apart from +0)."""
    return tuple(struct.pack("<d", v) for v in values)


def holds_at(row: sc.SpecialCase, *values: float) -> bool:
    return key(values) in {key(v) for v in row.inputs()}


def rows_at(function: str, operands: str, *values: float) -> list[sc.SpecialCase]:
    """The rows of ``function`` whose result is required at ``values``."""
    return [r for r in sc.SPECIAL_CASES if r.function == function and r.operands == operands
            and holds_at(r, *values)]


def expected_at(function: str, operands: str, *values: float) -> tuple:
    rows = rows_at(function, operands, *values)
    assert rows, (function, values)
    return expectation(rows[0], *values)


def expectation(row: sc.SpecialCase, *values: float) -> tuple:
    return tuple(None if e is None else (e.kind, e.value) for e in row.expect(dict(zip(row.names, values))))


def same(a, b):
    """Tuples of (kind, value) equal with signed zeros and NaN told apart."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x is None or y is None:
            if x is not y:
                return False
            continue
        if x[0] != y[0]:
            return False
        if x[0].startswith("approx"):
            if not math.isclose(x[1], y[1], rel_tol=1e-12):
                return False
        elif isinstance(x[1], float) and not sc._same(x[1], y[1]):
            return False
        if not isinstance(x[1], float) and x[1] != y[1]:
            return False
    return True


@pytest.mark.parametrize("function, text, values, expected", [
    ("exp", "x_i is NaN → NaN", (NAN,), (("exact", NAN),)),
    ("floor_divide", "x1_i is +0 and x2_i is <0 → -0", (0.0, -2.0), (("exact", -0.0),)),
    ("atan2", "x1_i is +inf and x2_i is -inf → +3π/4", (INF, -INF), (("approx", 3 * math.pi / 4),)),
    ("atan2", "x1_i is >0 and x1_i is finite and x2_i is +inf → +0", (1.5, INF), (("exact", 0.0),)),
    ("pow", "x1_i is -inf and x2_i is >0 and x2_i is odd integer → -inf", (-INF, 3.0), (("exact", -INF),)),
    ("pow", "x2_i is +0 → 1", (NAN, 0.0), (("exact", 1.0),)),
    ("pow", "|x1_i| is >1 and x2_i is -inf → +0", (-2.0, -INF), (("exact", 0.0),)),
    ("add", "x1_i is nonzero finite and x2_i == -x1_i → +0", (2.5, -2.5), (("exact", 0.0),)),
    ("add", "x1_i is ±0 and x2_i is nonzero finite → x2_i", (-0.0, -2.0), (("exact", -2.0),)),
    ("hypot", "x1_i is ±0 → |x2_i|", (0.0, -3.0), (("exact", 3.0),)),
    ("copysign", "x1_i is NaN and x2_i is -0 → NaN with sign bit 1", (NAN, -0.0), (("nan sign", -1.0),)),
    ("multiply", "x1_i is ±inf and x2_i is nonzero finite → signed inf", (-INF, 2.0), (("exact", -INF),)),
    ("divide", "different sign and both nonzero finite → negative sign", (1.5, -2.0), (("sign", -1.0),)),
    ("multiply", "same sign → positive sign or NaN", (-1.5, -2.0), (("sign or nan", 1.0),)),
    ("remainder", "remaining cases → x1_i % x2_i (Python)", (-2.5, 2.0), (("exact", 1.5),)),
    ("round", "x_i is half-integer → nearest even", (2.5,), (("exact", 2.0),)),
    ("round", "x_i is half-integer → nearest even", (-0.5,), (("exact", -0.0),)),
    ("isinf", "remaining cases → False", (1.5,), (("bool", False),)),
    ("tanh", "x_i is +inf → 1", (INF,), (("exact", 1.0),)),
    # complex results: the operator gives the imaginary sign, an unsigned real part is positive
    ("tanh", "a is +inf and b is positive finite → 1 + 0j", (INF, 2.5), (("exact", 1.0), ("exact", 0.0))),
    ("acos", "a is ±0 and b is +0 → +π/2 - 0j", (-0.0, 0.0), (("approx", math.pi / 2), ("exact", -0.0))),
    ("expm1", "a is ±0 and b is +0 → +0 + 0j", (-0.0, 0.0), (("exact", 0.0), ("exact", 0.0))),
    ("acosh", "a is +0 and b is NaN → NaN ± π/2j", (0.0, NAN), (("exact", NAN), ("approx any sign", math.pi / 2))),
    ("atanh", "a is NaN and b is +inf → ±0 + π/2j", (NAN, INF), (("any sign", 0.0), ("approx", math.pi / 2))),
    ("sinh", "a is +0 and b is +inf → ±0 + NaNj", (0.0, INF), (("any sign", 0.0), ("exact", NAN))),
    ("exp", "a is -inf and b is +inf → ±0 ± 0j", (-INF, INF), (("any sign", 0.0), ("any sign", 0.0))),
    ("sqrt", "a is -inf and b is positive finite → +0 + infj", (-INF, 2.5), (("exact", 0.0), ("exact", INF))),
    ("exp", "a is +inf and b is +0 → +inf + 0j", (INF, 0.0), (("exact", INF), ("exact", 0.0))),
    ("cosh", "a is +inf and b is nonzero finite → +inf * cis(b)", (INF, 2.5),
     (("exact", -INF), ("exact", INF))),
    ("expm1", "a is -inf and b is finite → +0 * cis(b) - 1.0", (-INF, -2.5), (("exact", -1.0), ("exact", -0.0))),
    ("abs", "a is ±0 → |b|", (-0.0, -2.5), (("exact", 2.5), None)),
    ("abs", "a is ±inf and b is any → +inf", (-INF, NAN), (("exact", INF), None)),
    ("isnan", "a is NaN or b is NaN → True", (1.0, NAN), (("bool", True), None)),
    ("equal", "remaining cases → a == c AND b == d", (1.5, -0.0, 1.5, 0.0), (("bool", True), None)),
    ("add", "b is +0 and d is -0 → imaginary component +0", (1.5, 0.0, NAN, -0.0), (None, ("exact", 0.0))),
    ("clip", "min_i is NaN and min_i <= max_i → NaN", (1.5, NAN, 1.5), (("exact", NAN),)),
])
def test_known_rows_parse_to_known_values(function, text, values, expected):
    row = find(function, text, len(values))
    assert holds_at(row, *values)
    assert same(expectation(row, *values), expected), expectation(row, *values)


def test_rows_say_where_they_come_from_and_how_binding_they_are():
    tanh = [r for r in sc.rows_of("tanh") if r.stated and r.is_complex]
    assert tanh[5].bullet == ("If ``a`` is ``+infinity`` and ``b`` is a positive (i.e., greater than ``0``) finite "
                              "number, the result is ``1 + 0j``.")
    # the standard's warning: "+0 + NaN j" is only what the result should be
    assert [r.severity for r in tanh if "a is +0 and b is" in r.text() and "NaN" in r.result_text()] == ["should"] * 2
    assert find("floor_divide", "x1_i is +inf and x2_i is positive finite → +inf").note.startswith(
        "libraries may return ``NaN``")
    (pow_row,) = [r for r in sc.rows_of("pow") if r.is_complex]
    assert pow_row.severity == "should" and pow_row.inputs()


def test_symmetries_mirror_the_stated_rows():
    # tanh(conj(x)) == conj(tanh(x)) and tanh(-x) == -tanh(x): the four quadrants of +inf + 2.5j
    assert same(expected_at("tanh", "complex unary", INF, -2.5), (("exact", 1.0), ("exact", -0.0)))
    assert same(expected_at("tanh", "complex unary", -INF, 2.5), (("exact", -1.0), ("exact", 0.0)))
    assert same(expected_at("tanh", "complex unary", -INF, -2.5), (("exact", -1.0), ("exact", -0.0)))
    # cosh(x) == cosh(-x) is even: no sign flip of the result
    assert same(expected_at("cosh", "complex unary", -0.0, -0.0), (("exact", 1.0), ("exact", 0.0)))
    # expm1(conj(x)) == conj(expm1(x)): the imaginary zero follows b
    assert same(expected_at("expm1", "complex unary", -0.0, -0.0), (("exact", 0.0), ("exact", -0.0)))
    # asinh(-z) == -asinh(z) and conj: asinh(-0 - 0j) = -0 - 0j
    assert same(expected_at("asinh", "complex unary", -0.0, -0.0), (("exact", -0.0), ("exact", -0.0)))


def test_delegated_rows():
    # asin as if -1j * asinh(x*1j): asinh(+0 + 0j) = +0 + 0j gives asin(+0 - 0j) = +0 - 0j
    assert same(expected_at("asin", "complex unary", 0.0, -0.0), (("exact", 0.0), ("exact", -0.0)))
    # cos as if cosh(x*1j): cosh(+inf + 2.5j) = +inf * cis(2.5) gives cos(2.5 - inf j)
    assert same(expected_at("cos", "complex unary", 2.5, -INF), (("exact", -INF), ("exact", INF)))
    # log2 as if log(x) / log(2): log(-0 + 0j) = -inf + πj gives -inf + (π / ln 2)j
    assert same(expected_at("log2", "complex unary", -0.0, 0.0), (("exact", -INF), ("approx", math.pi / math.log(2))))
    # reciprocal as if 1.0 / x, square as if x * x
    assert same(expected_at("reciprocal", "real unary", -0.0), (("exact", -INF),))
    square = [expectation(r, -INF) for r in rows_at("square", "real unary", -INF)]
    assert any(same(e, (("exact", INF),)) for e in square), square  # and "same sign → positive sign"
    assert same(expected_at("square", "complex unary", NAN, NAN), (("exact", NAN), ("exact", NAN)))
    # pow of complex operands as if exp(x2*log(x1)): composed where a special case decides it
    (row,) = [r for r in sc.rows_of("pow") if r.is_complex]
    assert all(all(math.isnan(v) for v in inputs[2:]) for inputs in row.inputs())
    assert same(expectation(row, NAN, 1.5, NAN, NAN), (("exact", NAN), ("exact", NAN)))


# cmath follows C99 Annex G, from which the standard departs in these stated rows
CMATH_DIFFERS = {
    "a is +inf and b is positive finite → 1 + 0j",  # C99: 1 + 0j * sin(2y), of sin(2y)'s sign
    "a is +0 and b is NaN → NaN ± π/2j",  # CPython's cacosh gives NaN + NaN j
}


def root(row: sc.SpecialCase) -> sc.SpecialCase:
    while row.base is not None:
        row = row.base
    return row


def test_stated_and_derived_complex_rows_agree_with_cmath():
    """An independent check of the grammar and of the symmetry/delegation algebra."""
    compared = 0
    for row in sc.SPECIAL_CASES:
        if row.operands != "complex unary" or not hasattr(cmath, row.function) or row.severity != "must":
            continue
        if root(row).text() in CMATH_DIFFERS:
            continue
        function = getattr(cmath, row.function)
        for a, b in row.inputs():
            try:
                got = function(complex(a, b))
            except (ValueError, OverflowError):  # cmath raises where C99 signals divide-by-zero/invalid
                continue
            expects = row.expect({"a": a, "b": b})
            parts = (got.real, got.imag) if isinstance(got, complex) else (got, 0.0)
            assert all(e is None or e.matches(p, 1e-12) for e, p in zip(expects, parts)), (row.text(), a, b, got)
            compared += 1
    assert compared > 1500


def test_rows_overlap_only_where_the_standard_contradicts_itself():
    conflicting = {key: block.conflicts() for key, block in sc.grammar().blocks.items() if block.conflicts()}
    assert set(conflicting) == {("sqrt", "complex unary")}
    for (a, b), texts in conflicting[("sqrt", "complex unary")]:
        # sqrt(NaN ± inf j): "b is +infinity" (the earlier bullet) wins over "a is NaN"
        assert math.isnan(a) and math.isinf(b) and "b is +inf → +inf + infj" in texts[0]


# ------------------------------------------------------------ planted deviations


def elementwise(xp, x, function):
    """Apply a Python function of a complex number to every element of ``x``."""
    values = np.from_dlpack(x)
    out = [function(complex(z)) for z in values.reshape(-1)]
    return xp.reshape(xp.asarray(out, dtype=x.dtype), tuple(values.shape))


def tanh_standard(z: complex) -> complex:
    """tanh with the standard's special cases (cmath follows C99 where they differ)."""
    a, b = z.real, z.imag
    if math.isinf(a) and math.isfinite(b):
        return complex(math.copysign(1.0, a), math.copysign(0.0, b))
    if math.isinf(a):
        return complex(math.copysign(1.0, a), 0.0)
    if a == 0 and not math.isfinite(b):
        return complex(a, NAN)
    if math.isnan(a):
        return complex(NAN, b) if b == 0 else complex(NAN, NAN)
    if not math.isfinite(b):
        return complex(NAN, NAN)
    return cmath.tanh(z)


def tanh_c99(z: complex) -> complex:
    """The deviation bridge had: tanh(+inf + iy) = 1 + 0j * sin(2y) (1 - 0j for y = 2.5)."""
    if math.isinf(z.real) and math.isfinite(z.imag):
        return complex(math.copysign(1.0, z.real), math.copysign(0.0, math.sin(2 * z.imag)))
    return tanh_standard(z)


def expm1_standard(z: complex) -> complex:
    a, b = z.real, z.imag
    if math.isnan(a):
        return complex(NAN, b) if b == 0 else complex(NAN, NAN)
    if math.isfinite(a) and not math.isfinite(b):
        return complex(NAN, NAN)
    if a == INF:
        if b == 0:
            return complex(INF, b)
        return complex(INF * math.cos(b) - 1.0, INF * math.sin(b)) if math.isfinite(b) else complex(INF, NAN)
    if a == -INF:
        return complex(-1.0, 0.0 * math.sin(b)) if math.isfinite(b) else complex(-1.0, 0.0)
    if a == 0 and b == 0:
        return complex(0.0, b)
    return complex(math.expm1(a) * math.cos(b) - 2 * math.sin(b / 2) ** 2, math.exp(a) * math.sin(b))


def expm1_keeps_real_zero_sign(z: complex) -> complex:
    """expm1(-0 + 0j) = -0 + 0j, where the standard's '0 + 0j' is +0 + 0j."""
    if z.real == 0 and z.imag == 0:
        return complex(z.real, z.imag)
    return expm1_standard(z)


def expm1_drops_imaginary_zero_sign(z: complex) -> complex:
    """expm1(0 - 0j) = 0 + 0j: expm1(conj(x)) == conj(expm1(x)) wants 0 - 0j."""
    if z.real == 0 and z.imag == 0:
        return complex(0.0, 0.0)
    return expm1_standard(z)


def complex_special_case_failures(report, function):
    return [r for r in report.failures if r.area == "elementwise" and r.name.startswith(f"{function} special case")
            and "(complex unary)" in r.name]


def planted(xp, **functions):
    def wrap(name, scalar):
        real = getattr(xp, name)

        def function(x, /):
            if xp.isdtype(x.dtype, "complex floating"):
                return elementwise(xp, x, scalar)
            return real(x)

        return function

    return namespace_copy(xp, **{name: wrap(name, scalar) for name, scalar in functions.items()})


def test_a_standard_tanh_passes_and_the_c99_sign_is_caught():
    xp = xp_strict
    good = conformance.run(planted(xp, tanh=tanh_standard), areas=["elementwise"], quick=True)
    assert complex_special_case_failures(good, "tanh") == []
    bad = conformance.run(planted(xp, tanh=tanh_c99), areas=["elementwise"], quick=True)
    messages = [r.message for r in complex_special_case_failures(bad, "tanh")]
    assert any("(a=inf, b=2.5)" in m and "requires 1 + 0j" in m and "got (1.0-0.0j)" in m for m in messages), messages
    assert any("[tanh(conj(x)) == conj(tanh(x))]" in m for m in messages)


def test_a_standard_expm1_passes_and_lost_signs_of_zero_are_caught():
    xp = xp_strict
    good = conformance.run(planted(xp, expm1=expm1_standard), areas=["elementwise"], quick=True)
    assert complex_special_case_failures(good, "expm1") == []
    real_sign = conformance.run(planted(xp, expm1=expm1_keeps_real_zero_sign), areas=["elementwise"], quick=True)
    messages = [r.message for r in complex_special_case_failures(real_sign, "expm1")]
    assert any("(a=-0.0, b=0.0)" in m and "requires +0 + 0j" in m for m in messages), messages
    imaginary_sign = conformance.run(planted(xp, expm1=expm1_drops_imaginary_zero_sign), areas=["elementwise"],
                                     quick=True)
    messages = [r.message for r in complex_special_case_failures(imaginary_sign, "expm1")]
    assert any("(a=0.0, b=-0.0)" in m and "requires +0 - 0j" in m for m in messages), messages
    failure = complex_special_case_failures(imaginary_sign, "expm1")[0]
    assert failure.reproducer.startswith("xp.expm1(xp.asarray([complex(0.0, -0.0)], dtype=xp.complex128))")


# ------------------------------------------------------------ signature verdicts


def signature_of(text: str) -> inspect.Signature:
    scope: dict = {}
    exec(f"def f({text}): pass", scope)  # noqa: S102 - a parameter list written in this test
    return inspect.signature(scope["f"])


@pytest.mark.parametrize("key, actual, severity, phrase", [
    ("sum", "x, /, *, axis=None, dtype=None, keepdims=False", None, ""),
    ("diff", "x, n=1, axis=-1, prepend=None, append=None", "should", "also accepts keyword-only 'n' positionally"),
    ("sum", "x, /, axis=None, dtype=None, keepdims=False", "should", "also accepts keyword-only 'axis'"),
    ("abs", "x", "should", "also accepts positional-only 'x' by keyword"),
    ("abs", "x, /, out=None", "should", "extra positional parameter 'out'"),
    ("sort", "x, /, *, axis=-1, descending=False, stable=False", "should", "the default of 'stable' is False"),
    ("expand_dims", "x, axis, /", "must", "refuses axis= by keyword"),
    ("sum", "x, /, *, axis, dtype=None, keepdims=False", "must", "'axis' is required"),
    ("argsort", "x, /, *, axis=-1, stable=True", "must", "refuses descending="),
    ("meshgrid", "arrays, indexing='xy'", "must", "takes a fixed number of positional arguments"),
    ("add", "x1, /", "must", "refuses 'x2' as positional argument 2"),
    ("abs", "x, /, *, out", "must", "requires an extra keyword argument out="),
    ("argsort", "x, /, **kwargs", None, ""),
])
def test_signature_findings_fail_only_where_a_call_is_refused(key, actual, severity, phrase):
    findings = compare(key, signature_of(actual))
    worst = None if not findings else ("must" if any(f.severity == "must" for f in findings) else "should")
    assert worst == severity, findings
    assert phrase in "; ".join(f.text for f in findings)


def test_every_standard_signature_matches_itself():
    for key in signature_keys():
        entry = stubs.standard()[key]
        assert compare(key, entry.signature()) == [], key


def test_signature_advisories_and_failures_in_a_run():
    xp = xp_strict

    def diff(x, n=1, axis=-1, prepend=None, append=None):  # NumPy's order: an advisory
        return xp.diff(x, axis=axis, n=n, prepend=prepend, append=append)

    def expand_dims(x, axis, /):  # refuses expand_dims(x, axis=0): a failure
        return xp.expand_dims(x, axis=axis)

    report = conformance.run(namespace_copy(xp, diff=diff, expand_dims=expand_dims), areas=["namespace"], quick=True)
    advisories = {r.name: r for r in report.advisories}
    failures = {r.name: r for r in report.failures}
    assert "signature of diff" in advisories and "signature of diff" not in failures
    assert advisories["signature of diff"].severity == "should"
    assert "signature of expand_dims" in failures
    assert "refuses axis= by keyword" in failures["signature of expand_dims"].message


def test_the_namespace_area_checks_constants_against_the_stubs():
    xp = xp_strict
    ctx = Context(namespace_copy(xp, pi=3.14), "planted")
    with pytest.raises(CheckFailure, match="xp.pi is 3.14; the standard defines 3.141592653589793"):
        namespace_area.check_present("const", "pi")(ctx)
    namespace_area.check_present("const", "nan")(Context(xp, "strict"))
    namespace_area.check_present("const", "newaxis")(Context(xp, "strict"))
