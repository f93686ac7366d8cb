"""Build script: compiles bridge's C extensions (the native backend and DLPack).

Everything else is declared in pyproject.toml. The extensions need only gcc and the
Python and NumPy headers; no -march=native (SIMD comes from runtime CPU dispatch).

Each extension is built from the C files found in its source folder. Developers may
set BRIDGE_BUILD_ONLY=native or =dlpack to compile just one while working on it.
"""

import glob
import os
import sys
from concurrent.futures import ThreadPoolExecutor

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# -ffp-contract=off: no fused multiply-adds the source does not ask for (the
# transcendental kernels give bitwise the same results on every instruction set);
# -fno-math-errno: sqrt and the rounding functions become instructions;
# -fno-trapping-math: selects between floating-point values may be if-converted (and
# vectorised); no result changes, bridge reads no floating-point trap flags.
EXTRA_COMPILE_ARGS = ["-O3", "-std=c11", "-Wall", "-Wextra", "-fno-strict-aliasing",
                      "-ffp-contract=off", "-fno-math-errno", "-fno-trapping-math"]
if os.environ.get("BRIDGE_SANITIZE"):
    # AddressSanitizer + UBSan build for the sanitizer run (scripts/sanitize.sh)
    EXTRA_COMPILE_ARGS += ["-O1", "-g", "-fsanitize=address,undefined", "-fno-omit-frame-pointer"]
    EXTRA_LINK_ARGS = ["-fsanitize=address,undefined"]
else:
    EXTRA_LINK_ARGS = []


def _numpy_include():
    import numpy

    return numpy.get_include()


# (extension name, folder of its C sources, extra link args)
EXTENSIONS = [
    ("bridge.backends.native._native", "bridge/backends/native/src", ["-lpthread", "-lm"]),
    ("bridge._dlpack_ext", "bridge/_dlpack_src", []),
    # the C front of the one dispatch path (argument kinds, kernel lookup, wrapping)
    ("bridge._fastpath._front", "bridge/_fastpath/src", []),
    # matmul & co. through the BLAS NumPy loaded (found at run time: no BLAS to link,
    # see blas_src/blas.c); -ldl for glibc before 2.34, where dlopen lived there
    ("bridge.backends.native._blas", "bridge/backends/native/blas_src",
     ["-ldl"] if sys.platform.startswith("linux") else []),
]

only = os.environ.get("BRIDGE_BUILD_ONLY")
ext_modules = []
for name, folder, link in EXTENSIONS:
    if only and only not in name:
        continue
    sources = sorted(glob.glob(os.path.join(folder, "*.c")))
    if not sources:
        continue
    ext_modules.append(
        Extension(
            name,
            sources=sources,
            include_dirs=[folder, _numpy_include()],
            extra_compile_args=EXTRA_COMPILE_ARGS,
            extra_link_args=EXTRA_LINK_ARGS + link,
            define_macros=[("NPY_NO_DEPRECATED_API", "NPY_2_0_API_VERSION")],
        )
    )

if sys.platform == "win32":
    raise SystemExit("bridge's build supports Linux and macOS with gcc or clang")

class ParallelBuildExt(build_ext):
    """build_ext that compiles an extension's C files side by side (setuptools compiles
    them one after another; its ``--parallel`` only overlaps whole extensions). The
    number of compilers is ``--parallel N`` when given, else the machine's CPU count."""

    def build_extensions(self):
        compiler = self.compiler
        jobs = self.parallel if isinstance(self.parallel, int) and self.parallel > 1 \
            else (os.cpu_count() or 1)

        def compile(sources, output_dir=None, macros=None, include_dirs=None, debug=0,
                    extra_preargs=None, extra_postargs=None, depends=None):
            # distutils' CCompiler.compile, with the per-object step in a thread pool
            macros, objects, extra_postargs, pp_opts, build = compiler._setup_compile(
                output_dir, macros, include_dirs, sources, depends, extra_postargs)
            cc_args = compiler._get_cc_args(pp_opts, debug, extra_preargs)

            def one(obj):
                src, ext = build[obj]
                compiler._compile(obj, src, ext, cc_args, extra_postargs, pp_opts)

            with ThreadPoolExecutor(max(1, jobs)) as pool:
                list(pool.map(one, [obj for obj in objects if obj in build]))
            return objects

        if jobs > 1 and all(hasattr(compiler, a) for a in ("_setup_compile", "_get_cc_args",
                                                           "_compile")):
            compiler.compile = compile
        super().build_extensions()


setup(ext_modules=ext_modules, cmdclass={"build_ext": ParallelBuildExt})
