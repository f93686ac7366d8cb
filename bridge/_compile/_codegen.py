"""Code generation for fused groups: C for the native backend, CUDA for cupy.

**C.** One source per group and input layout (each input contiguous with the full
shape, a single element, or anything else: strided or broadcast), compiled at run time
with the system C compiler (``$CC``, else ``cc``) into a shared object kept in a disk
cache (``$BRIDGE_COMPILE_CACHE``, else ``~/.cache/bridge/compile``), named by a hash of
the source, the flags and the compiler's version; a later process loads it without
compiling. The loop is threaded with OpenMP over the thread count bridge uses
(``bridge.set_num_threads``) above a size threshold, and compiled without
floating-point contraction, so each operation rounds as the native backend's does.

A group that ends in a sum or mean accumulates it in the same loop: over every element
(an OpenMP reduction), or over some axes (``c_source_axis``: the kept dimensions
first, the reduced last, each output one strided run when the innermost axis is
reduced, else blocks of outputs accumulated row by row).

**CUDA.** One ``cupy.ElementwiseKernel`` per group, or a ``cupy.ReductionKernel`` whose
map step is the chain when the group ends in a sum or mean (CuPy compiles and caches
them, and handles broadcasting and strides).

A machine without a C compiler gets a warning naming what is missing, and the
compiled function calls the backend's kernels instead (same results).
"""

from __future__ import annotations

import ctypes
import hashlib
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import warnings

import numpy as np

from .._dispatch import wrap
from .._threads import get_num_threads
from ..backends import state
from ._fuse import EXPRESSIONS, reduced_axes
from ._trace import Ref

C_TYPES = {np.dtype(np.float64): "double", np.dtype(np.float32): "float",
           np.dtype(bool): "unsigned char"}
CUDA_TYPES = {np.dtype(np.float64): "double", np.dtype(np.float32): "float",
              np.dtype(bool): "bool"}
PARALLEL_MIN = 1 << 16  # elements below which the loop runs on one thread
FLAGS = ("-O3", "-march=native", "-fPIC", "-shared", "-fopenmp", "-ffp-contract=off",
         "-fno-math-errno", "-std=c11")

_LOCK = threading.Lock()
_LOADED = {}  # source hash -> ctypes function
_WARNED = set()


def generator_for_current_backend():
    selected = state().selected
    if selected == "native":
        return c_kernel if compiler() is not None else None
    if selected == "cupy":
        return cuda_kernel
    return None


# ------------------------------------------------------------------ expressions


def _literal(value, ctype):
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return f"(({ctype}){value}.0)" if ctype != "unsigned char" else str(int(bool(value)))
    if math.isnan(value):
        return f"(({ctype})NAN)"
    if math.isinf(value):
        return f"(({ctype})({'-' if value < 0 else ''}INFINITY))"
    return f"(({ctype}){value.hex()})"


def body_lines(group, dtypes, types, load):
    """C statements computing every value of ``group`` for one element: ``load(k)`` is
    the expression reading input ``k``; returns (lines, {output Ref: variable})."""
    names = {}
    lines = []
    for k, ref in enumerate(group.inputs):
        ctype = types[dtypes[ref]]
        lines.append(f"const {ctype} x{k} = {load(k, ctype)};")
        names[ref] = (f"x{k}", dtypes[ref])
    for j, (node, compute) in enumerate(group.nodes):
        kind, expression = EXPRESSIONS[node.name]
        if node.name == "pow" and node.args[1].__class__ in (int, float) and node.args[1] == 2:
            expression = EXPRESSIONS["square"][1]  # x ** 2 is x * x, as eager code computes it
        ctype = types[compute]
        out_type = types[node.dtypes[0]]

        def operand(a, want):
            if a.__class__ is Ref:
                name, dtype = names[a]
                return name if types[dtype] == want else f"(({want}){name})"
            return _literal(a, want)

        if kind == "where":
            fields = {"c": operand(node.args[0], types[np.dtype(bool)]),
                      "a": operand(node.args[1], ctype), "b": operand(node.args[2], ctype)}
        elif kind == "logical":
            fields = {k: operand(a, types[np.dtype(bool)]) for k, a in zip("ab", node.args)}
        else:
            fields = {k: operand(a, ctype) for k, a in zip("ab", node.args)}
        text = expression.replace("(T)", f"({ctype})").format(**fields)
        lines.append(f"const {out_type} t{j} = ({out_type}){text};")
        names[node.outputs] = (f"t{j}", node.dtypes[0])
    return lines, {ref: name for ref, (name, _) in names.items()}


# ------------------------------------------------------------------ C


def compiler():
    """The C compiler's path, or None (warned once)."""
    cc = os.environ.get("CC", "cc")
    path = shutil.which(cc)
    if path is None and "cc" not in _WARNED:
        _WARNED.add("cc")
        warnings.warn(f"bridge.compile: no C compiler ({cc!r} is not on PATH; set CC): fused "
                      "kernels are not generated, the native backend's kernels run instead",
                      RuntimeWarning, stacklevel=4)
    return path


def cache_dir():
    root = os.environ.get("BRIDGE_COMPILE_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "bridge", "compile")
    os.makedirs(root, exist_ok=True)
    return root


# the C library functions the expressions call; with glibc's vector math library
# (libmvec) each gets an OpenMP ``declare simd`` line so the loop vectorises through it
VECTOR_MATH = {"exp": 1, "expm1": 1, "exp2": 1, "log": 1, "log1p": 1, "log2": 1, "log10": 1,
               "sin": 1, "cos": 1, "tan": 1, "sinh": 1, "cosh": 1, "tanh": 1, "asin": 1,
               "acos": 1, "atan": 1, "asinh": 1, "acosh": 1, "atanh": 1, "atan2": 2, "hypot": 2,
               "pow": 2}
_MVEC = []  # [bool] once probed: whether -lmvec links here


def vector_math() -> bool:
    """Whether glibc's libmvec is there (x86-64 glibc >= 2.35 has every function above)."""
    if not _MVEC:
        cc = compiler()
        ok = False
        if cc is not None and sys.platform.startswith("linux"):
            probe = "#include <math.h>\n#pragma omp declare simd notinbranch\ndouble tanh(double);\n" \
                    "void f(long n, double *x) {\n#pragma omp simd\nfor (long i = 0; i < n; i++) " \
                    "x[i] = tanh(x[i]);\n}\n"
            with tempfile.TemporaryDirectory() as tmp:
                src = os.path.join(tmp, "probe.c")
                with open(src, "w") as f:
                    f.write(probe)
                try:
                    ok = subprocess.run([cc, *FLAGS, src, "-o", os.path.join(tmp, "p.so"), "-lmvec",
                                         "-lm"], capture_output=True, timeout=60).returncode == 0
                except (OSError, subprocess.SubprocessError):
                    ok = False
        _MVEC.append(ok)
    return _MVEC[0]


def _declarations(group):
    if not vector_math():
        return []
    used = sorted({name for node, _ in group.nodes for name in VECTOR_MATH
                   if f"{name}(" in EXPRESSIONS[node.name][1]})
    lines = []
    for name in used:
        params = ", ".join(["double"] * VECTOR_MATH[name])
        lines += ["#pragma omp declare simd notinbranch", f"double {name}({params});"]
    return lines


def c_source(group, dtypes, layout):
    """The C source of ``group`` for input ``layout`` ("c": contiguous, full shape;
    "s": one element; "g": general, by strides)."""
    n_in = len(group.inputs)
    out_dtypes = [dtypes[r] for r in group.outputs]
    general = "g" in layout
    if general:
        load = lambda k, ct: f"*(const {ct} *)(p{k} + i * s{k})"  # noqa: E731
    else:
        load = lambda k, ct: f"((const {ct} *)p{k})[{'i' if layout[k] == 'c' else '0'}]"  # noqa: E731
    lines, results = body_lines(group, dtypes, C_TYPES, load)
    stores = []
    for m, ref in enumerate(group.outputs):
        ct = C_TYPES[out_dtypes[m]]
        target = f"*({ct} *)(q{m} + i * u{m})" if general else f"(({ct} *)q{m})[i]"
        stores.append(f"{target} = {results[ref]};")
    reduction = ""
    if group.reduce is not None:  # a sum over every element, accumulated in double
        stores.append(f"acc += (double){results[group.reduce.args[0]]};")
        reduction = " reduction(+:acc)"
    body = "\n                ".join(lines + stores)
    header = ["#include <math.h>", "#include <stdint.h>", *_declarations(group), ""]
    decl = ("void bridge_fused(int64_t n, int32_t ndim, const int64_t *shape, char *const *ptrs, "
            "const int64_t *strides, int32_t nthreads, double *total)")
    if not general:
        setup = [f"    const char *restrict p{k} = ptrs[{k}];" for k in range(n_in)]
        setup += [f"    char *restrict q{m} = ptrs[{n_in + m}];" for m in range(len(group.outputs))]
        loop = f"""    (void)ndim; (void)shape; (void)strides;
    double acc = 0;
    #pragma omp parallel for simd num_threads(nthreads) if(n >= {PARALLEL_MIN}) schedule(static){reduction}
    for (int64_t i = 0; i < n; i++) {{
                {body}
    }}
    if (total) {{
        *total = acc;
    }}"""
        return "\n".join(header + [decl, "{"] + setup + [loop, "}", ""])
    n_ops = n_in + len(group.outputs)
    offsets = "\n".join(
        f"            const char *p{k} = ptrs[{k}] + off[{k}]; const int64_t s{k} = strides[{k} * ndim + ndim - 1];"
        for k in range(n_in))
    outs = "\n".join(
        f"            char *q{m} = ptrs[{n_in + m}] + off[{n_in + m}]; const int64_t u{m} = strides[{n_in + m} * ndim + ndim - 1];"
        for m in range(len(group.outputs)))
    loop = f"""    const int64_t inner = ndim ? shape[ndim - 1] : 1;
    const int64_t rows = inner ? n / inner : 0;
    double acc = 0;
    #pragma omp parallel for num_threads(nthreads) if(n >= {PARALLEL_MIN}) schedule(static){reduction}
    for (int64_t row = 0; row < rows; row++) {{
        int64_t off[{n_ops}] = {{0}};
        int64_t rest = row;
        for (int32_t d = ndim - 2; d >= 0; d--) {{
            const int64_t index = rest % shape[d];
            rest /= shape[d];
            for (int32_t k = 0; k < {n_ops}; k++) {{
                off[k] += index * strides[k * ndim + d];
            }}
        }}
        {{
{offsets}
{outs}
            #pragma omp simd{reduction}
            for (int64_t i = 0; i < inner; i++) {{
                {body}
            }}
        }}
    }}
    if (total) {{
        *total = acc;
    }}"""
    return "\n".join(header + [decl, "{", loop, "}", ""])


AXIS_BLOCK = 2048  # output elements a thread accumulates together when the reduced axes lead


def c_source_axis(group, dtypes, scheme):
    """The C source of ``group`` with its sum or mean over some axes (``scheme`` "inner":
    the innermost axis is reduced, each output element is one strided run; "outer": the
    innermost axis is kept, blocks of outputs accumulate row by row, so the loads stream
    along memory). The caller orders the dimensions kept first, reduced last, and passes
    byte strides per operand: inputs, then the group's full-shape outputs."""
    n_in = len(group.inputs)
    n_ops = n_in + len(group.outputs)
    load = lambda k, ct: f"*(const {ct} *)(p{k} + i * s{k})"  # noqa: E731
    lines, results = body_lines(group, dtypes, C_TYPES, load)
    stores = [f"*({C_TYPES[dtypes[ref]]} *)(q{m} + i * u{m}) = {results[ref]};"
              for m, ref in enumerate(group.outputs)]
    value = results[group.reduce.args[0]]
    rtype = C_TYPES[dtypes[group.reduce.args[0]]]
    header = ["#include <math.h>", "#include <stdint.h>", "#include <stdlib.h>",
              *_declarations(group), ""]
    decl = ("void bridge_fused_axis(int32_t nk, const int64_t *kshape, int32_t nr, "
            "const int64_t *rshape, char *const *ptrs, const int64_t *kstr, "
            "const int64_t *rstr, char *red, double divisor, int32_t nthreads)")
    # the byte offsets of every operand at kept index ``o`` over dims [0, nk_used) and at
    # reduced index ``r`` over dims [0, nr_used)
    decode = """static inline void offsets(int64_t index, int32_t nd, const int64_t *shape,
                           const int64_t *str, int32_t ndim, int64_t *off)
{
    for (int32_t d = nd - 1; d >= 0; d--) {
        const int64_t i = index % shape[d];
        index /= shape[d];
        for (int32_t k = 0; k < NOPS; k++) {
            off[k] += i * str[k * ndim + d];
        }
    }
}
""".replace("NOPS", str(n_ops))
    def pointers(indent, inner_stride):
        text = []
        for k in range(n_in):
            text.append(f"{indent}const char *p{k} = ptrs[{k}] + off[{k}]; "
                        f"const int64_t s{k} = {inner_stride.format(k=k)};")
        for m in range(len(group.outputs)):
            j = n_in + m
            text.append(f"{indent}char *q{m} = ptrs[{j}] + off[{j}]; "
                        f"const int64_t u{m} = {inner_stride.format(k=j)};")
        return "\n".join(text)
    body = "\n                    ".join(lines + stores)
    count = """    int64_t K = 1, R = 1;
    for (int32_t d = 0; d < nk; d++) K *= kshape[d];
    for (int32_t d = 0; d < nr; d++) R *= rshape[d];"""
    if scheme == "inner":
        loop = f"""{count}
    const int64_t inner = rshape[nr - 1];
    const int64_t rows = R / inner;
    #pragma omp parallel for num_threads(nthreads) if(K * R >= {PARALLEL_MIN}) schedule(static)
    for (int64_t o = 0; o < K; o++) {{
        int64_t base[{n_ops}] = {{0}};
        offsets(o, nk, kshape, kstr, nk, base);
        double acc = 0;
        for (int64_t row = 0; row < rows; row++) {{
            int64_t off[{n_ops}];
            for (int32_t k = 0; k < {n_ops}; k++) off[k] = base[k];
            offsets(row, nr - 1, rshape, rstr, nr, off);
            {{
{pointers("                ", "rstr[{k} * nr + nr - 1]")}
                #pragma omp simd reduction(+:acc)
                for (int64_t i = 0; i < inner; i++) {{
                    {body}
                    acc += (double){value};
                }}
            }}
        }}
        (({rtype} *)red)[o] = ({rtype})(acc / divisor);
    }}"""
    else:
        loop = f"""{count}
    const int64_t inner = kshape[nk - 1];
    const int64_t blocks = (inner + {AXIS_BLOCK} - 1) / {AXIS_BLOCK};
    const int64_t krows = K / inner;
    /* few blocks of outputs for the threads: each block's rows are split among them too,
       into partial sums that are added in a fixed order (the result does not depend on
       the schedule) */
    int64_t split = 1;
    if (K * R >= {PARALLEL_MIN} && krows * blocks < nthreads) {{
        split = nthreads / (krows * blocks);
        if (split > R) split = R;
    }}
    double *partial = NULL;
    if (split > 1) {{
        partial = (double *)malloc((size_t)split * (size_t)K * sizeof(double));
        if (!partial) split = 1;
    }}
    const int64_t tasks = krows * blocks * split;
    #pragma omp parallel for num_threads(nthreads) if(K * R >= {PARALLEL_MIN}) schedule(static)
    for (int64_t t = 0; t < tasks; t++) {{
        const int64_t part = t % split, kb = t / split;
        const int64_t krow = kb / blocks, j0 = (kb % blocks) * {AXIS_BLOCK};
        const int64_t len = inner - j0 < {AXIS_BLOCK} ? inner - j0 : {AXIS_BLOCK};
        const int64_t r0 = R * part / split, r1 = R * (part + 1) / split;
        int64_t base[{n_ops}] = {{0}};
        offsets(krow, nk - 1, kshape, kstr, nk, base);
        for (int32_t k = 0; k < {n_ops}; k++) base[k] += j0 * kstr[k * nk + nk - 1];
        double acc[{AXIS_BLOCK}];
        for (int64_t i = 0; i < len; i++) acc[i] = 0;
        for (int64_t r = r0; r < r1; r++) {{
            int64_t off[{n_ops}];
            for (int32_t k = 0; k < {n_ops}; k++) off[k] = base[k];
            offsets(r, nr, rshape, rstr, nr, off);
            {{
{pointers("                ", "kstr[{k} * nk + nk - 1]")}
                #pragma omp simd
                for (int64_t i = 0; i < len; i++) {{
                    {body}
                    acc[i] += (double){value};
                }}
            }}
        }}
        if (split == 1) {{
            {rtype} *out = ({rtype} *)red + krow * inner + j0;
            for (int64_t i = 0; i < len; i++) out[i] = ({rtype})(acc[i] / divisor);
        }} else {{
            double *out = partial + part * K + krow * inner + j0;
            for (int64_t i = 0; i < len; i++) out[i] = acc[i];
        }}
    }}
    if (split > 1) {{
        for (int64_t o = 0; o < K; o++) {{
            double total = 0;
            for (int64_t part = 0; part < split; part++) total += partial[part * K + o];
            (({rtype} *)red)[o] = ({rtype})(total / divisor);
        }}
        free(partial);
    }}"""
    return "\n".join(header + [decode, decl, "{", loop, "}", ""])


def _compiler_version(cc):
    try:
        return subprocess.run([cc, "--version"], capture_output=True, text=True,
                              timeout=30).stdout.splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "unknown"


ARGTYPES = {
    "bridge_fused": [ctypes.c_int64, ctypes.c_int32, ctypes.c_void_p, ctypes.c_void_p,
                     ctypes.c_void_p, ctypes.c_int32, ctypes.c_void_p],
    "bridge_fused_axis": [ctypes.c_int32, ctypes.c_void_p, ctypes.c_int32, ctypes.c_void_p,
                          ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                          ctypes.c_double, ctypes.c_int32],
}


def build(source, symbol="bridge_fused"):
    """The function ``symbol`` of C ``source``, compiled (or loaded from the disk
    cache), or None when the compiler fails (warned)."""
    cc = compiler()
    if cc is None:
        return None
    key = hashlib.sha256("\0".join((source, " ".join(FLAGS), str(vector_math()), cc,
                                    _compiler_version(cc)))
                         .encode()).hexdigest()[:32]
    with _LOCK:
        fn = _LOADED.get(key)
        if fn is not None:
            return fn
        path = os.path.join(cache_dir(), f"fused_{key}.so")
        if not os.path.exists(path):
            directory = cache_dir()
            with tempfile.TemporaryDirectory(dir=directory) as tmp:
                src = os.path.join(tmp, "kernel.c")
                with open(src, "w") as f:
                    f.write(source)
                out = os.path.join(tmp, "kernel.so")
                libs = ["-lmvec", "-lm"] if vector_math() else ["-lm"]
                result = subprocess.run([cc, *FLAGS, src, "-o", out, *libs], capture_output=True,
                                        text=True, timeout=120)
                if result.returncode != 0:
                    warnings.warn(f"bridge.compile: the C compiler failed ({result.stderr[-400:]}); "
                                  "the native backend's kernels run instead", RuntimeWarning,
                                  stacklevel=4)
                    return None
                os.replace(out, path)  # atomic: another process sees all or nothing
        library = ctypes.CDLL(path)
        fn = getattr(library, symbol)
        fn.restype = None
        fn.argtypes = ARGTYPES[symbol]
        fn.library = library  # (kept alive with the function)
        _LOADED[key] = fn
        return fn


class CKernel:
    """A fused group on the native backend: a compiled function per input layout."""

    def __init__(self, group, dtypes):
        self.group = group
        self.dtypes = dtypes
        self.out_dtypes = [dtypes[r] for r in group.outputs]
        self.variants = {}
        self.source = c_source(group, dtypes, ("c",) * len(group.inputs))
        self.trace_shapes = None

    def __call__(self, tensors):
        raws = [t._data for t in tensors]
        if any(r.__class__ is not np.ndarray for r in raws):
            return None
        try:
            shape = np.broadcast_shapes(*(r.shape for r in raws))
        except ValueError:
            return None
        shapes = tuple(r.shape for r in raws)
        if shapes != self.trace_shapes and not self._outputs_full(shapes, shape):
            return None
        reduce = self.group.reduce
        axes = None if reduce is None else reduced_axes(reduce, len(shape))
        if reduce is not None and (axes is None or (len(axes) < len(shape) and
                                                    0 in shape)):
            return None  # (the node's own call raises, or makes its empty result)
        outs = [np.empty(shape, dtype=d) for d in self.out_dtypes]
        if reduce is not None and len(axes) < len(shape):
            results = self._axis_reduction(raws, outs, shape, axes)
            if results is None:
                return None
            if self.trace_shapes is None:
                self.trace_shapes = shapes
            return results
        n = math.prod(shape)
        total = ctypes.c_double(0.0)
        if n:
            layout = tuple("c" if r.shape == shape and r.flags.c_contiguous else
                           "s" if r.size == 1 else "g" for r in raws)
            if "g" in layout:
                layout = ("g",) * len(raws)
            fn = self.variants.get(layout)
            if fn is None:
                fn = self.variants[layout] = build(c_source(self.group, self.dtypes, layout))
                if fn is None:
                    return None
            arrays = raws + outs
            ptrs = (ctypes.c_void_p * len(arrays))(*(a.ctypes.data for a in arrays))
            ndim = len(shape)
            if layout[0] == "g":
                strides = []
                for a in arrays:
                    strides.extend(np.broadcast_to(a, shape).strides)
                strides = (ctypes.c_int64 * max(1, len(strides)))(*strides)
            else:
                strides = None
            dims = (ctypes.c_int64 * max(1, ndim))(*shape)
            fn(n, ndim, dims, ptrs, strides, get_num_threads(),
               ctypes.byref(total) if reduce is not None else None)
        if self.trace_shapes is None:
            self.trace_shapes = shapes
        results = [wrap(o) for o in outs]
        if reduce is not None:
            value = total.value if reduce.name == "sum" else (total.value / n if n else math.nan)
            dtype = self.dtypes[reduce.args[0]]
            keep = reduce.kwargs.get("keepdims", False)
            results.append(wrap(np.full((1,) * len(shape) if keep else (), value, dtype=dtype)))
        return results

    def _axis_reduction(self, raws, outs, shape, axes):
        """The group's outputs and its sum or mean over ``axes`` (some of the dims, none
        of them empty), from one kernel."""
        reduce = self.group.reduce
        kept = [d for d in range(len(shape)) if d not in axes]
        scheme = "inner" if axes[-1] == len(shape) - 1 else "outer"
        fn = self.variants.get(scheme)
        if fn is None:
            fn = self.variants[scheme] = build(c_source_axis(self.group, self.dtypes, scheme),
                                               "bridge_fused_axis")
            if fn is None:
                return None
        dtype = self.dtypes[reduce.args[0]]
        kshape = [shape[d] for d in kept]
        red = np.empty(kshape, dtype=dtype)
        arrays = raws + outs
        kstr, rstr = [], []
        for a in arrays:
            st = np.broadcast_to(a, shape).strides
            kstr.extend(st[d] for d in kept)
            rstr.extend(st[d] for d in axes)
        ptrs = (ctypes.c_void_p * len(arrays))(*(a.ctypes.data for a in arrays))
        i64 = ctypes.c_int64
        divisor = 1.0 if reduce.name == "sum" else float(math.prod(shape[d] for d in axes))
        fn(len(kept), (i64 * len(kept))(*kshape), len(axes),
           (i64 * len(axes))(*(shape[d] for d in axes)), ptrs,
           (i64 * max(1, len(kstr)))(*kstr), (i64 * max(1, len(rstr)))(*rstr),
           red.ctypes.data, divisor, get_num_threads())
        if reduce.kwargs.get("keepdims", False):
            red = red.reshape([1 if d in axes else shape[d] for d in range(len(shape))])
        return [wrap(o) for o in outs] + [wrap(red)]

    def _outputs_full(self, shapes, shape):
        """Whether every output of the group has the full broadcast shape with these input
        shapes (as eager code would make them); a dynamic-shape call can differ."""
        known = dict(zip(self.group.inputs, shapes))
        for node, _ in self.group.nodes:
            parts = [known[a] for a in node.args if a.__class__ is Ref]
            known[node.outputs] = np.broadcast_shapes(*parts) if parts else ()
        return all(known[r] == shape for r in self.group.outputs)


def c_kernel(group, dtypes):
    if any(dtypes.get(r) not in C_TYPES for r in group.inputs):
        return None
    kernel = CKernel(group, dtypes)
    ndim = len(group.shape)
    axes = None if group.reduce is None else reduced_axes(group.reduce, ndim)
    if axes is not None and len(axes) < ndim:  # (the rank is the trace's, a guard)
        scheme = "inner" if axes[-1] == ndim - 1 else "outer"
        kernel.source = c_source_axis(group, dtypes, scheme)
        fn = kernel.variants[scheme] = build(kernel.source, "bridge_fused_axis")
    else:
        fn = kernel.variants[("c",) * len(group.inputs)] = build(kernel.source)
    return None if fn is None else kernel


# ------------------------------------------------------------------ CUDA


class CudaKernel:
    """A fused group on the cupy backend: one ``cupy.ElementwiseKernel``; a group that
    ends in a sum or mean is one ``cupy.ReductionKernel`` (the chain is its map step)
    when nothing else of the group is read, else the elementwise kernel also stores the
    reduced value and CuPy's reduction follows."""

    def __init__(self, group, dtypes):
        import cupy

        self.group = group
        names = [f"{dtypes[ref].name} in{k}" for k, ref in enumerate(group.inputs)]
        outs = [f"{dtypes[r].name} out{m}" for m, r in enumerate(group.outputs)]
        lines, results = body_lines(group, dtypes, CUDA_TYPES, lambda k, ct: f"in{k}")
        reduce = group.reduce
        self.reduction = None
        self.kernel = None
        self.broken = False
        if reduce is not None and not group.outputs:
            value = reduce.args[0]
            ctype = CUDA_TYPES[dtypes[value]]
            params = ", ".join(f"const {CUDA_TYPES[dtypes[r]]} in{k}"
                               for k, r in enumerate(group.inputs))
            args = ", ".join(f"in{k}" for k in range(len(group.inputs)))
            self.source = "\n".join([f"__device__ {ctype} bridge_map({params}) {{", *lines,
                                      f"return {results[value]};", "}"])
            post = "out0 = a" if reduce.name == "sum" else \
                f"out0 = ({ctype})(a / (double)(_in_ind.size() / _out_ind.size()))"
            digest = hashlib.sha256((self.source + post).encode()).hexdigest()[:16]
            self.reduction = cupy.ReductionKernel(
                ", ".join(names), f"{dtypes[value].name} out0", f"bridge_map({args})", "a + b",
                post, "0", f"bridge_fused_sum_{digest}", reduce_type=ctype,
                preamble=self.source, options=("--fmad=false",))
            return
        if reduce is not None:
            outs.append(f"{dtypes[reduce.args[0]].name} out{len(group.outputs)}")
            lines.append(f"out{len(group.outputs)} = {results[reduce.args[0]]};")
        lines += [f"out{m} = {results[r]};" for m, r in enumerate(group.outputs)]
        self.source = "\n".join(lines)
        digest = hashlib.sha256(self.source.encode()).hexdigest()[:16]
        # no fused multiply-adds: each operation rounds as CuPy's own kernels round it
        self.kernel = cupy.ElementwiseKernel(", ".join(names), ", ".join(outs), self.source,
                                             f"bridge_fused_{digest}", options=("--fmad=false",))

    def __call__(self, tensors):
        import cupy

        raws = [t._data for t in tensors]
        if self.broken or any(not isinstance(r, cupy.ndarray) for r in raws):
            return None
        try:
            return self._launch(raws)
        except cupy.cuda.compiler.CompileException as exc:  # (CuPy compiles on first use)
            self.broken = True
            print(f"[bridge.compile] CUDA code generation failed: {exc}", file=sys.stderr)
            return None

    def _launch(self, raws):
        import cupy

        reduce = self.group.reduce
        if reduce is not None:
            try:
                ndim = len(np.broadcast_shapes(*(r.shape for r in raws)))
            except ValueError:
                return None
            axes = reduced_axes(reduce, ndim)
            if axes is None:
                return None  # (the node's own call raises the error)
            keep = bool(reduce.kwargs.get("keepdims", False))
        if self.reduction is not None:
            return [wrap(self.reduction(*raws, axis=axes, keepdims=keep))]
        out = self.kernel(*raws)
        outs = list(out) if isinstance(out, tuple) else [out]
        if reduce is not None:
            value = outs.pop()
            fn = cupy.sum if reduce.name == "sum" else cupy.mean
            outs.append(fn(value, axis=axes, keepdims=keep))
        return [wrap(o) for o in outs]


def cuda_kernel(group, dtypes):
    try:
        return CudaKernel(group, dtypes)
    except Exception as exc:  # noqa: BLE001 - CuPy's compile errors have many types
        print(f"[bridge.compile] CUDA code generation failed: {exc}", file=sys.stderr)
        return None
