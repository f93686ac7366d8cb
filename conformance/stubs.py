"""The standard's own signature stubs, read as data.

The Array API standard publishes each revision as Python stubs whose docstrings are the
normative text (``array_api_stubs/_2025_12`` in data-apis/array-api). The suite ships a
copy per revision under ``conformance/spec/<revision>/`` (MIT-licensed, see its LICENSE)
and reads everything it needs from it: names per namespace, signatures (parameter kinds,
defaults, annotations), the docstring sections, the dtype wording of each parameter,
the MUST/SHOULD sentences and the "Special cases" lists (special_cases.py turns those
into rows). A new revision of the standard is a new folder, not a rewrite.

The stubs are parsed with ``ast`` and never imported, so nothing in them runs.
``CONFORMANCE_SPEC_DIR`` points the suite at another copy (a checkout of the standard's
``src/array_api_stubs/_YYYY_MM``, say).
"""

from __future__ import annotations

import ast
import inspect
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

SPEC_DIR_ENV = "CONFORMANCE_SPEC_DIR"
DEFAULT_REVISION = "2025.12"

# The stub modules whose functions are methods of an object rather than namespace
# functions: the array object (a class), the dtype object (data_types.py: ``__eq__``)
# and the inspection namespace (info.py, apart from ``__array_namespace_info__`` itself).
ARRAY_MODULE = "array_object"
DTYPE_MODULE = "data_types"
INFO_MODULE = "info"
# The dataclasses and TypedDict of _types.py that the standard names fields of.
FIELD_CLASSES = {"finfo_object": "finfo", "iinfo_object": "iinfo"}
DTYPE_NAMES_TYPEDDICT = "DataTypes"

P = inspect.Parameter


def spec_directory(revision: str = DEFAULT_REVISION) -> Path:
    """The stubs folder: ``$CONFORMANCE_SPEC_DIR`` when set, else the copy shipped in
    the package (``conformance/spec/<revision>``)."""
    override = os.environ.get(SPEC_DIR_ENV)
    if override:
        path = Path(override).expanduser()
        if not (path / "__init__.py").is_file():
            raise FileNotFoundError(
                f"{SPEC_DIR_ENV}={override!r} is not a stubs folder of the standard (it has no __init__.py); "
                f"point it at array_api_stubs/_YYYY_MM of data-apis/array-api"
            )
        return path
    path = Path(str(resources.files("conformance").joinpath("spec", revision)))
    if not (path / "__init__.py").is_file():
        shipped = sorted(p.name for p in path.parent.iterdir() if p.is_dir()) if path.parent.is_dir() else []
        raise FileNotFoundError(
            f"no stubs of revision {revision!r} in {path.parent} (shipped: {', '.join(shipped) or 'none'}); "
            f"set {SPEC_DIR_ENV} to a stubs folder"
        )
    return path


# ------------------------------------------------------------------- the records


@dataclass(frozen=True)
class Requirement:
    """One sentence of the normative text with a modal verb. ``modal`` is the strongest
    one in it ("must", "must not", "should", "should not", "may"); ``bold`` whether the
    text marks it up as **must**/**should** (the newer sections do, older ones do not)."""

    modal: str
    text: str
    section: str
    bold: bool


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: inspect._ParameterKind
    default: str | None  # source text of the default; None where the parameter is required
    annotation: str | None
    description: str = ""
    dtype_category: str | None = None  # key of core.DTYPE_CATEGORIES, from the dtype wording
    dtype_modal: str | None = None  # "should" / "must" / "may" of that wording

    @property
    def required(self) -> bool:
        return self.default is None and self.kind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD, P.KEYWORD_ONLY)

    @property
    def kind_text(self) -> str:
        return KIND_WORDS[self.kind]

    def default_value(self) -> object:
        """The default as a Python value (``ast.literal_eval``); P.empty when required,
        or when the default is not a literal."""
        if self.default is None:
            return P.empty
        try:
            return ast.literal_eval(self.default)
        except (ValueError, SyntaxError):
            return P.empty


KIND_WORDS = {
    P.POSITIONAL_ONLY: "positional-only",
    P.POSITIONAL_OR_KEYWORD: "positional-or-keyword",
    P.VAR_POSITIONAL: "*args",
    P.KEYWORD_ONLY: "keyword-only",
    P.VAR_KEYWORD: "**kwargs",
}


@dataclass(frozen=True)
class Entry:
    """A function, method, property, constant or field the standard defines."""

    namespace: str  # main, linalg, fft, array, info, dtype, finfo, iinfo
    name: str
    kind: str  # function, method, property, constant, field, dtype
    module: str
    lineno: int
    parameters: tuple[Parameter, ...] = ()
    returns: str | None = None
    docstring: str = ""
    value: str | None = None  # source text of a constant's value
    sections: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> str:
        """``abs``, ``linalg.svd``, ``array.__add__``, ``info.dtypes``, ``finfo.eps``."""
        return self.name if self.namespace == "main" else f"{self.namespace}.{self.name}"

    def section(self, name: str) -> str:
        return self.sections.get(name, "")

    @property
    def special_cases(self) -> str:
        return self.section("Special cases")

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        raise KeyError(f"{self.key} has no parameter {name!r}")

    @property
    def call_parameters(self) -> tuple[Parameter, ...]:
        """The parameters a caller passes (``self`` of methods left out)."""
        if self.kind == "method" and self.parameters and self.parameters[0].name == "self":
            return self.parameters[1:]
        return self.parameters

    def parameter_list(self) -> str:
        """The parameter list in Python syntax: ``x, /, *, axis=None, keepdims=False``."""
        parts: list[str] = []
        params = self.call_parameters
        for i, p in enumerate(params):
            if p.kind is P.KEYWORD_ONLY and not any(q.kind in (P.KEYWORD_ONLY, P.VAR_POSITIONAL)
                                                    for q in params[:i]):
                parts.append("*")
            if p.kind is P.VAR_POSITIONAL:
                parts.append(f"*{p.name}")
            elif p.kind is P.VAR_KEYWORD:
                parts.append(f"**{p.name}")
            else:
                parts.append(p.name if p.default is None else f"{p.name}={p.default}")
            following = params[i + 1] if i + 1 < len(params) else None
            if p.kind is P.POSITIONAL_ONLY and (following is None or following.kind is not P.POSITIONAL_ONLY):
                parts.append("/")
        return ", ".join(parts)

    def signature(self) -> inspect.Signature:
        """The call signature (without ``self``); defaults that are not literals are
        represented by their source text."""
        built = []
        for p in self.call_parameters:
            default = P.empty
            if p.default is not None:
                value = p.default_value()
                default = _SourceDefault(p.default) if value is P.empty else value
            built.append(P(p.name, p.kind, default=default))
        return inspect.Signature(built)

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return tuple(
            requirement
            for name, text in self.sections.items()
            for requirement in requirements_in(text, name)
        )


class _SourceDefault:
    """A default value that is not a literal, shown as written in the stub."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Standard:
    revision: str
    directory: Path
    entries: tuple[Entry, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {e.key: e for e in self.entries})

    def __getitem__(self, key: str) -> Entry:
        return self._by_key[key]  # type: ignore[attr-defined]

    def __contains__(self, key: str) -> bool:
        return key in self._by_key  # type: ignore[attr-defined]

    def get(self, key: str) -> Entry | None:
        return self._by_key.get(key)  # type: ignore[attr-defined]

    def namespace(self, name: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.namespace == name)

    def callables(self) -> tuple[Entry, ...]:
        """Functions and methods: the entries with a signature to check."""
        return tuple(e for e in self.entries if e.kind in ("function", "method"))

    def module(self, name: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.module == name)


# ---------------------------------------------------------------------- loading


def load(directory: str | Path | None = None, revision: str = DEFAULT_REVISION) -> Standard:
    """The standard in ``directory`` (default: ``spec_directory(revision)``)."""
    path = Path(directory) if directory is not None else spec_directory(revision)
    return _load(path.resolve(), revision)


@lru_cache(maxsize=8)
def _load(directory: Path, revision: str) -> Standard:
    init = _parse(directory / "__init__.py")
    entries: list[Entry] = []
    star_modules: list[str] = []
    extensions: list[str] = []
    picked: dict[str, list[str]] = {}
    for node in init.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module and any(alias.name == "*" for alias in node.names):
                star_modules.append(node.module)
            elif node.module:  # from .info import __array_namespace_info__
                picked.setdefault(node.module, []).extend(alias.name for alias in node.names)
            else:  # from . import linalg / from . import data_types as dtype
                extensions.extend(alias.name for alias in node.names if alias.name != DTYPE_MODULE)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            entries.append(_constant("main", node.target.id, "__init__", node, _docstring_after(init, node)))
    for module in star_modules:
        tree = _parse(directory / f"{module}.py")
        if module == ARRAY_MODULE:
            entries.extend(_class_members(tree, module))
            continue
        names = _all_names(tree)
        entries.extend(_module_members(tree, module, "main", names))
    for module, names in picked.items():
        tree = _parse(directory / f"{module}.py")
        entries.extend(_module_members(tree, module, "main", names))
        if module == INFO_MODULE:
            rest = [n for n in _all_names(tree) if n not in names]
            entries.extend(_module_members(tree, module, "info", rest))
    for module in extensions:
        tree = _parse(directory / f"{module}.py")
        entries.extend(_module_members(tree, module, module, _all_names(tree)))
    dtype_tree = _parse(directory / f"{DTYPE_MODULE}.py")
    entries.extend(_module_members(dtype_tree, DTYPE_MODULE, "dtype", _all_names(dtype_tree), methods=True))
    entries.extend(_type_fields(_parse(directory / "_types.py")))
    return Standard(revision, directory, tuple(entries))


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _all_names(tree: ast.Module) -> list[str]:
    """``__all__`` of a stub module, and the public functions it defines but does not
    list (2025.12's linalg.py defines ``eig`` and ``eigvals`` without listing them)."""
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            names = list(ast.literal_eval(node.value))
    names += [node.name for node in tree.body
              if isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and node.name not in names]
    return names


def _docstring_after(tree: ast.Module, node: ast.stmt) -> str:
    """The string literal statement following ``node`` (how constants are documented)."""
    body = tree.body
    index = body.index(node)
    if index + 1 < len(body):
        following = body[index + 1]
        if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant) and \
                isinstance(following.value.value, str):
            return inspect.cleandoc(following.value.value)
    return ""


def _constant(namespace: str, name: str, module: str, node: ast.stmt, doc: str) -> Entry:
    value = getattr(node, "value", None)
    return Entry(namespace, name, "constant", module, node.lineno, value=ast.unparse(value) if value else None,
                 docstring=doc, sections=split_sections(doc))


def _module_members(tree: ast.Module, module: str, namespace: str, names: list[str],
                    methods: bool = False) -> list[Entry]:
    wanted = set(names)
    found: list[Entry] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in wanted:
            found.append(_function(node, module, namespace, "method" if methods else "function"))
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id in wanted:
                    found.append(_constant(namespace, target.id, module, node, _docstring_after(tree, node)))
    return sorted(found, key=lambda e: e.lineno)


def _class_members(tree: ast.Module, module: str) -> list[Entry]:
    members: list[Entry] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name != "__init__":
                    is_property = any(isinstance(d, ast.Name) and d.id == "property" for d in item.decorator_list)
                    members.append(_function(item, module, "array", "property" if is_property else "method"))
    return members


def _type_fields(tree: ast.Module) -> list[Entry]:
    """finfo/iinfo fields (dataclasses of _types.py) and the dtype names (the keys of
    the DataTypes TypedDict)."""
    fields: list[Entry] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in FIELD_CLASSES:
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    fields.append(Entry(FIELD_CLASSES[node.name], item.target.id, "field", "_types", item.lineno,
                                        returns=ast.unparse(item.annotation)))
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == DTYPE_NAMES_TYPEDDICT
                                                  for t in node.targets):
            call = node.value
            if isinstance(call, ast.Call) and len(call.args) >= 2 and isinstance(call.args[1], ast.Dict):
                for key in call.args[1].keys:
                    if isinstance(key, ast.Constant):
                        fields.append(Entry("main", key.value, "dtype", "_types", key.lineno))
    return fields


def _function(node: ast.FunctionDef, module: str, namespace: str, kind: str) -> Entry:
    doc = ast.get_docstring(node) or ""
    sections = split_sections(doc)
    descriptions = parameter_descriptions(sections.get("Parameters", ""))
    args = node.args
    parameters: list[Parameter] = []
    positional = [*args.posonlyargs, *args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)

    def make(arg: ast.arg, kind_: inspect._ParameterKind, default: ast.expr | None) -> Parameter:
        text = descriptions.get(arg.arg, "")
        category, modal = dtype_category(text)
        return Parameter(
            arg.arg, kind_, ast.unparse(default) if default is not None else None,
            ast.unparse(arg.annotation) if arg.annotation is not None else None,
            text, category, modal,
        )

    for i, arg in enumerate(positional):
        kind_ = P.POSITIONAL_ONLY if i < len(args.posonlyargs) else P.POSITIONAL_OR_KEYWORD
        parameters.append(make(arg, kind_, defaults[i]))
    if args.vararg is not None:
        parameters.append(make(args.vararg, P.VAR_POSITIONAL, None))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        parameters.append(make(arg, P.KEYWORD_ONLY, default))
    if args.kwarg is not None:
        parameters.append(make(args.kwarg, P.VAR_KEYWORD, None))
    returns = ast.unparse(node.returns) if node.returns is not None else None
    return Entry(namespace, node.name, kind, module, node.lineno, tuple(parameters), returns, doc,
                 sections=sections)


# -------------------------------------------------------------------- docstrings

_HEADING_UNDERLINE = re.compile(r"^-{3,}\s*$")
_BOLD_HEADING = re.compile(r"^\*\*([A-Z][A-Za-z ]+)\*\*\s*$")
_DIRECTIVE_END = re.compile(r"^\.\. (versionadded|versionchanged|deprecated)::")


def split_sections(doc: str) -> dict[str, str]:
    """A numpydoc docstring split at its headings (``Parameters``/``-----``) and at the
    bold subheadings of the notes (``**Special cases**``, ``**Raises**``, ...):
    {"Summary": ..., "Parameters": ..., "Returns": ..., "Notes": ..., "Special cases":
    ...}. Headings that repeat (``Notes`` in ``__int__``) are joined. "Special cases" is
    normalised from "Special Cases"; ``.. versionchanged::`` directives end a section."""
    lines = doc.splitlines()
    sections: dict[str, list[str]] = {}
    current = "Summary"
    i = 0
    while i < len(lines):
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        bold = _BOLD_HEADING.match(line)
        if line.strip() and not line.startswith(" ") and _HEADING_UNDERLINE.match(following):
            current = line.strip()
            i += 2
            continue
        if bold:
            current = bold.group(1).strip()
            current = "Special cases" if current.lower() == "special cases" else current
            i += 1
            continue
        if _DIRECTIVE_END.match(line):
            current = "Versions"
        sections.setdefault(current, []).append(line)
        i += 1
    return {name: "\n".join(body).strip("\n") for name, body in sections.items() if "\n".join(body).strip()}


def parameter_descriptions(text: str) -> dict[str, str]:
    """{parameter name: its description} of a Parameters (or Returns) section, whose
    entries are ``name: type`` lines followed by indented text."""
    descriptions: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        if line and not line.startswith(" "):
            name = line.split(":", 1)[0].strip().lstrip("*")
            current = name
            descriptions[current] = []
        elif current is not None:
            descriptions[current].append(line.strip())
    return {name: " ".join(part for part in body if part).strip() for name, body in descriptions.items()}


# The dtype wording of the parameter descriptions ("Should have a real-valued
# floating-point data type") as the dtype categories of core.DTYPE_CATEGORIES. Longer
# phrases first: "real-valued floating-point" before "floating-point".
DTYPE_WORDING: tuple[tuple[str, str], ...] = (
    ("any data type", "any"),
    ("a real-valued floating-point data type", "real floating"),
    ("a complex floating-point data type", "complex floating"),
    ("a floating-point data type", "floating"),
    ("a real-valued or boolean data type", "real numeric or bool"),
    ("a real-valued data type", "real numeric"),
    ("a numeric data type", "numeric"),
    ("an integer or boolean data type", "integer or bool"),
    ("an integer data type", "integer"),
    ("a boolean data type", "bool"),
)
_DTYPE_SENTENCE = re.compile(r"\*{0,2}(should|must|may)\*{0,2} have (an? [a-z -]+? data type|any data type)",
                             re.IGNORECASE)


def dtype_category(text: str) -> tuple[str | None, str | None]:
    """(category, modal) of the first dtype requirement in ``text``; (None, None) when it
    states none."""
    for match in _DTYPE_SENTENCE.finditer(text):
        phrase = match.group(2).lower()
        for wording, category in DTYPE_WORDING:
            if phrase == wording:
                return category, match.group(1).lower()
    return None, None


_MODALS = ("must not", "must", "should not", "should", "may not", "may")
# "**must** not" and "must not" alike; "may" counts only as the verb ("may be", "may
# return"), which is every use of the word in the stubs.
_MODAL = re.compile(r"(\*\*)?\b(must|should|may)\b(\*\*)?(\s+not\b)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)\.(?=\s+[A-Z(`*:]|\s*$)")


def sentences(text: str) -> list[str]:
    """The sentences of a docstring section: bullets and paragraphs are split first
    (a bullet is one sentence group), then at full stops that end a sentence."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n\s*-\s+(?=\S)", "\n" + text):
        joined = " ".join(line.strip() for line in paragraph.splitlines()).strip()
        joined = re.sub(r"^-\s+", "", joined)
        if joined:
            blocks.append(joined)
    found: list[str] = []
    for block in blocks:
        start = 0
        for match in _SENTENCE_END.finditer(block):
            found.append(block[start:match.end()].strip())
            start = match.end()
        if block[start:].strip():
            found.append(block[start:].strip())
    return found


def requirements_in(text: str, section: str) -> list[Requirement]:
    """The sentences of ``text`` with a modal verb, each with its strongest modal."""
    found: list[Requirement] = []
    if section in ("Parameters", "Returns"):
        for name, description in parameter_descriptions(text).items():
            found.extend(requirements_in(description, f"{section}: {name}"))
        return found
    for sentence in sentences(text):
        modals = [(m.group(2).lower() + (" not" if m.group(4) else ""), bool(m.group(1) and m.group(3)))
                  for m in _MODAL.finditer(sentence)]
        if not modals:
            continue
        modal, bold = min(modals, key=lambda pair: _MODALS.index(pair[0]))
        found.append(Requirement(modal, sentence, section, bold))
    return found


def standard() -> Standard:
    """The revision the suite checks against (CONFORMANCE_SPEC_DIR or the shipped copy)."""
    return load()
