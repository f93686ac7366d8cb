"""``bridge.random``: NumPy's random API, generating on the requested device.

``default_rng(seed, device=...)`` gives a :class:`Generator` with NumPy's methods
(``random``, ``normal``, ``uniform``, ``integers``, ``choice``, ``permutation``,
``shuffle``, ...); the legacy functions (``seed``, ``rand``, ``randn``, ``randint``, ...)
use one module-level generator, as NumPy's do.

On the CPU a ``Generator``'s numbers come from NumPy's own PCG64, so a seeded program
gives exactly NumPy's numbers. On a GPU they come from CuPy's generator on that device,
without a round trip through host memory; that stream differs from NumPy's
(``numpy_stream_rng`` gives NumPy's stream on any device). The legacy functions and
``RandomState`` draw NumPy's frozen Mersenne Twister stream on every device, made on the
host and moved to the device, so seeded legacy programs give NumPy's numbers anywhere.

Every method returns a Tensor, a 0-d one where NumPy returns a Python or NumPy
scalar (``size=None``), so results combine with tensors on their device.
"""

from __future__ import annotations

import functools
import operator

import numpy as np

from ._device import Device, parse_device
from ._dtypes import normalize_dtype
from ._registry import NOT_MINE, TRANSFORMS
from .backends import state

__all__ = [
    "Generator", "default_rng", "numpy_stream_rng", "seed", "rand", "randn", "randint", "random",
    "random_sample", "uniform", "normal", "standard_normal", "choice", "permutation",
    "shuffle", "exponential",
]


def _bridge():
    import bridge

    return bridge


def _size(size, func):
    if size is None:
        return None
    if isinstance(size, (int, np.integer)) and not isinstance(size, bool):
        size = (int(size),)
    elif getattr(size, "ndim", None) == 0 and getattr(size, "dtype", np.dtype(bool)).kind in "iu":
        size = (operator.index(size),)  # a 0-d integer tensor (NumPy's integer scalar)
    try:
        size = tuple(operator.index(s) for s in size)
    except TypeError:
        raise TypeError(f"random.{func}: size must be None, an int or a tuple of ints, "
                        f"got {size!r}") from None
    if any(s < 0 for s in size):
        raise ValueError(f"random.{func}: size={size} has a negative dimension")
    return size


def _host(value):
    """Distribution parameters as NumPy values (tensors on the CPU as views)."""
    if isinstance(value, _bridge().Tensor):
        return np.asarray(value.to_device("cpu"))
    return value


def _seed(seed):
    """A seed given as a Tensor, as NumPy takes it: a 0-d one as its Python value (NumPy's
    integer scalar, ``default_rng(rng.integers(2**30))``), others as NumPy arrays."""
    if isinstance(seed, _bridge().Tensor):
        return seed.item() if seed.ndim == 0 else _host(seed)
    return seed


def _population(a):
    """``choice``'s population: a Tensor, or NumPy's array for data beyond the 13
    dtypes (``choice(["north", "south"])`` draws NumPy's strings, as the NumPy names
    that create such data return NumPy's arrays)."""
    B = _bridge()
    if isinstance(a, B.Tensor):
        return a
    try:
        return B.asarray(a)
    except TypeError:
        from ._host import BEYOND_KINDS

        host = np.asarray(a)
        if host.dtype.kind not in BEYOND_KINDS:
            raise
        return host


def _take_population(population, index, axis):
    if isinstance(population, np.ndarray):
        return np.take(population, np.asarray(index.to_device("cpu")), axis=axis)
    from ._ops.numpy_compat import numpy_take

    return numpy_take(population, index.to_device(population.device), axis)


class _CupyStream:
    """CuPy's generator on one GPU, with the calls the Generator needs."""

    def __init__(self, seed, device: Device):
        import cupy

        self.cupy = cupy
        self.device = device
        with cupy.cuda.Device(device.index or 0):
            self.state = cupy.random.RandomState(seed)

    def __getattr__(self, name):
        method = getattr(self.state, name)

        def on_device(*args, **kwargs):
            with self.cupy.cuda.Device(self.device.index or 0):
                return method(*args, **kwargs)

        return on_device


class Generator:
    """Random numbers on one device, with NumPy's ``Generator`` methods.

    Create one with :func:`default_rng`. ``device`` is where the numbers are made
    (the default device when the generator was created).
    """

    def __init__(self, seed=None, *, device=None):
        self.device = state().default_device if device is None else parse_device(device,
                                                                               "default_rng")
        seed = _seed(seed)
        if isinstance(seed, np.random.BitGenerator):  # Generator(PCG64(3)), as NumPy's
            seed = np.random.Generator(seed)
        if isinstance(seed, np.random.Generator):
            # NumPy's own stream, on any device: made on the host and copied to
            # ``device`` (the way to get NumPy's exact numbers on a GPU)
            self._numpy = seed
        elif self.device.type == "cpu":
            self._numpy = np.random.default_rng(seed)
        else:
            # CuPy's RandomState takes an int seed; derive one from NumPy's seeding
            # so that None, sequences and SeedSequences work as in NumPy
            sequence = seed if isinstance(seed, np.random.SeedSequence) else \
                np.random.SeedSequence(seed)
            derived = int(sequence.generate_state(1, np.uint64)[0] >> 1)
            self._numpy = None
            self._gpu = _CupyStream(derived, self.device)

    def __repr__(self):
        return f"bridge.random.Generator(device='{self.device}')"

    @property
    def bit_generator(self):
        """NumPy's bit generator of the stream (a CPU generator's, or NumPy's stream
        copied to a GPU); a CuPy stream has none."""
        if self._numpy is None:
            raise AttributeError("Generator.bit_generator: a GPU generator draws CuPy's "
                                 "stream, which has no NumPy bit generator")
        return self._numpy.bit_generator

    def spawn(self, n_children):
        """``n_children`` independent generators on this device (NumPy's ``spawn``)."""
        if self._numpy is None:
            seeds = self._gpu.randint(0, 2 ** 62, size=n_children, dtype=np.int64).get()
            return [Generator(int(s), device=self.device) for s in seeds]
        return [Generator(child, device=self.device) for child in self._numpy.spawn(n_children)]

    # ------------------------------------------------------------ plumbing

    def _wrap(self, raw, dtype=None):
        B = _bridge()
        if self._numpy is not None:
            out = B.asarray(np.asarray(raw), device=self.device)
        else:
            from . import _dispatch

            out = _dispatch.wrap(raw)
        if dtype is not None and out.dtype != dtype:
            out = B.astype(out, dtype)
        return out

    def _on_gpu(self):
        return self._numpy is None

    # ------------------------------------------------------------ distributions

    def random(self, size=None, dtype=np.float64):
        """Floats uniform in [0, 1)."""
        dtype = normalize_dtype(dtype, "random.random")
        if dtype not in (np.float32, np.float64):
            raise TypeError(f"random.random: dtype must be float32 or float64, got {dtype}")
        size = _size(size, "random")
        if self._on_gpu():
            return self._wrap(self._gpu.random_sample(size=size, dtype=dtype))
        return self._wrap(self._numpy.random(size, dtype=dtype))

    def standard_normal(self, size=None, dtype=np.float64):
        """Samples of the standard normal distribution."""
        dtype = normalize_dtype(dtype, "random.standard_normal")
        size = _size(size, "standard_normal")
        if self._on_gpu():
            return self._wrap(self._gpu.standard_normal(size=size, dtype=dtype))
        return self._wrap(self._numpy.standard_normal(size, dtype=dtype))

    def normal(self, loc=0.0, scale=1.0, size=None):
        """Samples of the normal distribution N(loc, scale²); ``loc``/``scale`` broadcast."""
        size = _size(size, "normal")
        if self._on_gpu():
            scale = self._device_param(scale)
            if bool((scale < 0).any()) if hasattr(scale, "any") else scale < 0:
                raise ValueError("random.normal: scale must be non-negative")
            return self._wrap(self._gpu.normal(self._device_param(loc), scale, size=size))
        if np.any(np.asarray(_host(scale)) < 0):
            raise ValueError("random.normal: scale must be non-negative")
        return self._wrap(self._numpy.normal(_host(loc), _host(scale), size))

    def uniform(self, low=0.0, high=1.0, size=None):
        """Samples uniform in [low, high)."""
        size = _size(size, "uniform")
        if self._on_gpu():
            return self._wrap(self._gpu.uniform(self._device_param(low), self._device_param(high),
                                                size=size))
        return self._wrap(self._numpy.uniform(_host(low), _host(high), size))

    def exponential(self, scale=1.0, size=None):
        """Samples of the exponential distribution with mean ``scale``."""
        size = _size(size, "exponential")
        if self._on_gpu():
            return self._wrap(self._gpu.exponential(self._device_param(scale), size=size))
        return self._wrap(self._numpy.exponential(_host(scale), size))

    def integers(self, low, high=None, size=None, dtype=np.int64, endpoint=False):
        """Integers in [low, high) ([low, high] with ``endpoint=True``); one bound means
        [0, low)."""
        dtype = normalize_dtype(dtype, "random.integers")
        if dtype.kind not in "iu":
            raise TypeError(f"random.integers: dtype must be an integer dtype, got {dtype}")
        size = _size(size, "integers")
        if high is None:
            low, high = 0, low
        low, high = _host(low), _host(high)
        if self._on_gpu():
            top = np.asarray(high) + (1 if endpoint else 0)
            if np.any(np.asarray(low) >= top):
                raise ValueError("random.integers: low >= high")
            return self._wrap(self._gpu.randint(low, top, size=size, dtype=dtype))
        return self._wrap(self._numpy.integers(low, high, size, dtype=dtype, endpoint=endpoint))

    def _device_param(self, value):
        """A distribution parameter for the GPU stream: a tensor moved to the stream's
        device, host data (a list, a tuple, a NumPy array) copied there; anything else (a
        Python or NumPy scalar, a dtype) as it is."""
        B = _bridge()
        if isinstance(value, B.Tensor):
            return value.to_device(self.device)._data
        if not isinstance(value, (list, tuple, np.ndarray)):
            return value
        host = np.asarray(value)
        if host.dtype.kind not in "biuf":
            raise TypeError(f"random: a distribution parameter must be real numbers, "
                            f"not {type(value).__name__} of dtype {host.dtype}")
        with self._gpu.cupy.cuda.Device(self.device.index or 0):
            return self._gpu.cupy.asarray(host)

    # ------------------------------------------------------------ sampling and permutations

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        """Random samples from ``a`` (a tensor, a sequence, or an int n meaning
        arange(n)), with or without replacement, optionally weighted by ``p``."""
        size = _size(size, "choice")
        population = None
        if isinstance(a, (int, np.integer)) and not isinstance(a, bool):
            n = int(a)
            if n <= 0:
                raise ValueError("random.choice: a must be a positive integer or a non-empty "
                                 "sequence")
        else:
            population = _population(a)
            if population.ndim == 0:
                raise ValueError("random.choice: a must be 1-dimensional or an integer")
            n = population.shape[axis]
            if n == 0 and size != (0,):
                raise ValueError("random.choice: a cannot be empty unless no samples are taken")
        probabilities = None if p is None else np.asarray(_host(p), dtype=np.float64)
        if self._on_gpu():
            if probabilities is not None:
                probabilities = self._gpu.cupy.asarray(probabilities)
            picks = self._gpu.choice(n, size=size, replace=replace, p=probabilities)
        else:
            picks = self._numpy.choice(n, size=size, replace=replace, p=probabilities,
                                       shuffle=shuffle)
        index = self._wrap(picks)
        if population is None:
            return index
        return _take_population(population, index, axis)

    def permutation(self, x, axis=0):
        """A permuted copy of tensor ``x`` along ``axis``, or of arange(x) for an int."""
        B = _bridge()
        if isinstance(x, (int, np.integer)) and not isinstance(x, bool):
            order = self._permuted_indices(int(x))
            return order
        t = x if isinstance(x, B.Tensor) else B.asarray(x)
        if t.ndim == 0:
            raise ValueError("random.permutation: x must be an integer or at least 1-d")
        order = self._permuted_indices(t.shape[axis]).to_device(t.device)
        return B.take(t, order, axis=axis)

    def shuffle(self, x, axis=0):
        """Shuffle tensor ``x`` in place along ``axis``."""
        B = _bridge()
        if not isinstance(x, B.Tensor):
            raise TypeError(f"random.shuffle: x must be a bridge Tensor (it is shuffled in "
                            f"place), got {type(x).__name__}")
        if x.ndim == 0:
            raise ValueError("random.shuffle: x must be at least 1-d")
        order = self._permuted_indices(x.shape[axis]).to_device(x.device)
        from ._methods import write_inplace

        write_inplace(x, B.take(x, order, axis=axis), "random.shuffle")

    def _permuted_indices(self, n):
        if self._on_gpu():
            return self._wrap(self._gpu.permutation(n))
        return self._wrap(self._numpy.permutation(n))

    def bytes(self, length):
        """``length`` random bytes (a Python bytes object, made on the CPU)."""
        if self._on_gpu():
            return self._gpu.randint(0, 256, size=length, dtype=np.uint8).get().tobytes()
        return self._numpy.bytes(length)


# NumPy's distributions beyond the ones written out above: the same call on NumPy's
# generator (CPU) or CuPy's (GPU); parameters may be tensors
_DISTRIBUTIONS = (
    "beta", "binomial", "chisquare", "dirichlet", "f", "gamma", "geometric", "gumbel",
    "hypergeometric", "laplace", "logistic", "lognormal", "logseries", "multinomial",
    "multivariate_hypergeometric", "multivariate_normal", "negative_binomial",
    "noncentral_chisquare", "noncentral_f", "pareto", "poisson", "power", "rayleigh",
    "standard_cauchy", "standard_exponential", "standard_gamma", "standard_t", "triangular",
    "vonmises", "wald", "weibull", "zipf",
)


def _host_stream(gpu):
    """A NumPy generator seeded from a GPU stream, for the few distributions CuPy's
    RandomState lacks (its numbers, like every GPU stream's, are not NumPy's)."""
    return np.random.default_rng(int(gpu.randint(0, 2 ** 62, size=(), dtype=np.int64)))


def _distribution(name):
    def draw(self, *args, **kwargs):
        if "size" in kwargs:
            kwargs["size"] = _size(kwargs["size"], name)
        if self._on_gpu() and getattr(self._gpu.state, name, None) is not None:
            # a positional tuple may be the size (binomial(10, 0.5, (3, 4))): it stays
            args = tuple(a if isinstance(a, tuple) else self._device_param(a) for a in args)
            kwargs = {k: v if k == "size" else self._device_param(v) for k, v in kwargs.items()}
            return self._wrap(getattr(self._gpu, name)(*args, **kwargs))
        args = tuple(_host(a) for a in args)
        kwargs = {k: _host(v) for k, v in kwargs.items()}
        if self._on_gpu():
            out = getattr(_host_stream(self._gpu), name)(*args, **kwargs)
            return _bridge().asarray(np.asarray(out), device=self.device)
        return self._wrap(getattr(self._numpy, name)(*args, **kwargs))

    draw.__name__ = draw.__qualname__ = name
    draw.__doc__ = f"NumPy's ``Generator.{name}`` (NumPy's numbers on the CPU)."
    return draw


for _name in _DISTRIBUTIONS:
    setattr(Generator, _name, _distribution(_name))


def _permuted(self, x, axis=None, out=None):
    """A copy of ``x`` with each slice along ``axis`` shuffled independently (NumPy's
    ``Generator.permuted``; the flattened array when ``axis`` is None)."""
    B = _bridge()
    t = x if isinstance(x, B.Tensor) else B.asarray(x)
    if self._on_gpu():
        raw = _host_stream(self._gpu).permuted(np.asarray(t.to_device("cpu")), axis=axis)
    else:
        raw = self._numpy.permuted(np.asarray(t.to_device("cpu")), axis=axis)
    result = B.asarray(raw, device=t.device)
    if out is None:
        return result
    from ._methods import write_inplace

    return write_inplace(out, result, "random.permuted")


Generator.permuted = _permuted


def default_rng(seed=None, *, device=None):
    """A :class:`Generator` seeded like NumPy's ``default_rng`` (an int, a sequence,
    a ``SeedSequence``, None for fresh entropy), making numbers on ``device``."""
    if isinstance(seed, Generator):
        return seed
    return Generator(seed, device=device)


def numpy_stream_rng(seed=None, *, device=None):
    """A :class:`Generator` drawing NumPy's exact numbers (PCG64, as
    ``numpy.random.default_rng(seed)``) on any device: on a GPU they are made on the
    host and copied, so a seeded program gives NumPy's results there too."""
    return Generator(np.random.default_rng(_seed(seed)), device=device)


# NumPy's seeding and bit generators: a Generator takes them as NumPy's does
SeedSequence = np.random.SeedSequence
BitGenerator = np.random.BitGenerator
PCG64 = np.random.PCG64
PCG64DXSM = np.random.PCG64DXSM
MT19937 = np.random.MT19937
Philox = np.random.Philox
SFC64 = np.random.SFC64
__all__ += ["SeedSequence", "BitGenerator", "PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"]


# ------------------------------------------------------------------ legacy functions
#
# NumPy freezes the legacy generator's stream (RandomState is kept for reproducible
# programs), so bridge draws that same Mersenne Twister stream on every device: the
# numbers are made on the host and moved to the requested device. A seeded legacy
# program gives NumPy's numbers on a GPU too; fast GPU streams are the Generator's.


class _LegacyState:
    """The module-level generator of the legacy API (NumPy's ``RandomState``)."""

    def __init__(self):
        self.numpy = np.random.RandomState()

    @staticmethod
    def device(device):
        return state().default_device if device is None else parse_device(device, "random")


_LEGACY = _LegacyState()


def _legacy_wrap(raw, device):
    return _bridge().asarray(np.asarray(raw), device=device)


def seed(seed=None):
    """Seed the legacy generator (NumPy's ``random.seed``)."""
    _LEGACY.numpy.seed(_seed(seed))


def _legacy_call(name, device, *args, **kwargs):
    args = tuple(_host(a) for a in args)
    kwargs = {k: _host(v) for k, v in kwargs.items()}
    return _legacy_wrap(getattr(_LEGACY.numpy, name)(*args, **kwargs), _LEGACY.device(device))


def rand(*shape, device=None):
    """Floats uniform in [0, 1) of the given shape (``rand(2, 3)``)."""
    return _legacy_call("rand", device, *shape)


def randn(*shape, device=None):
    """Standard normal samples of the given shape (``randn(2, 3)``)."""
    return _legacy_call("randn", device, *shape)


def randint(low, high=None, size=None, dtype=int, *, device=None):
    """Integers in [low, high) (or [0, low) with one bound)."""
    dtype = normalize_dtype(dtype, "random.randint")
    return _legacy_call("randint", device, low, high, _size(size, "randint"), dtype=dtype)


def random_sample(size=None, *, device=None):
    """Floats uniform in [0, 1)."""
    return _legacy_call("random_sample", device, _size(size, "random_sample"))


random = random_sample


def uniform(low=0.0, high=1.0, size=None, *, device=None):
    """Samples uniform in [low, high)."""
    return _legacy_call("uniform", device, low, high, _size(size, "uniform"))


def normal(loc=0.0, scale=1.0, size=None, *, device=None):
    """Samples of N(loc, scale²)."""
    return _legacy_call("normal", device, loc, scale, _size(size, "normal"))


def standard_normal(size=None, *, device=None):
    """Standard normal samples."""
    return _legacy_call("standard_normal", device, _size(size, "standard_normal"))


def exponential(scale=1.0, size=None, *, device=None):
    """Samples of the exponential distribution with mean ``scale``."""
    return _legacy_call("exponential", device, scale, _size(size, "exponential"))


def _legacy_choice(numpy_state, func, a, size, replace, p, device):
    population = None if isinstance(a, (int, np.integer)) else _population(a)
    n = int(a) if population is None else population.shape[0]
    probabilities = None if p is None else np.asarray(_host(p), dtype=np.float64)
    picks = numpy_state.choice(n, _size(size, func), replace, probabilities)
    if population is None:
        return _legacy_wrap(picks, device)
    return _take_population(population, _legacy_wrap(picks, device), 0)


def choice(a, size=None, replace=True, p=None, *, device=None):
    """Random samples from ``a`` (an int n means arange(n))."""
    return _legacy_choice(_LEGACY.numpy, "choice", a, size, replace, p, _LEGACY.device(device))


def _legacy_permutation(numpy_state, x, device):
    B = _bridge()
    if isinstance(x, (int, np.integer)) and not isinstance(x, bool):
        return _legacy_wrap(numpy_state.permutation(int(x)), device)
    t = x if isinstance(x, B.Tensor) else B.asarray(x)
    if t.ndim == 0:
        raise ValueError("random.permutation: x must be an integer or at least 1-d")
    return B.take(t, _legacy_wrap(numpy_state.permutation(t.shape[0]), t.device), axis=0)


def permutation(x, *, device=None):
    """A permuted copy of ``x`` along axis 0, or of arange(x) for an int."""
    return _legacy_permutation(_LEGACY.numpy, x, _LEGACY.device(device))


def _legacy_shuffle(numpy_state, x, func):
    B = _bridge()
    if not isinstance(x, B.Tensor):
        raise TypeError(f"{func}: x must be a bridge Tensor (it is shuffled in place), got "
                        f"{type(x).__name__}")
    if x.ndim == 0:
        raise ValueError(f"{func}: x must be at least 1-d")
    order = _legacy_wrap(numpy_state.permutation(x.shape[0]), x.device)
    from ._methods import write_inplace

    write_inplace(x, B.take(x, order, axis=0), func)


def shuffle(x):
    """Shuffle tensor ``x`` in place along axis 0."""
    _legacy_shuffle(_LEGACY.numpy, x, "random.shuffle")


# NumPy's legacy distributions beyond the ones written out above, on the module's
# generator (NumPy's Mersenne Twister stream, on every device)
_LEGACY_DISTRIBUTIONS = _DISTRIBUTIONS[:]


def _legacy_distribution(name):
    def draw(*args, device=None, **kwargs):
        return _legacy_call(name, device, *args, **kwargs)

    draw.__name__ = draw.__qualname__ = name
    draw.__doc__ = f"NumPy's ``random.{name}`` (the legacy generator's numbers)."
    return draw


for _name in _LEGACY_DISTRIBUTIONS:
    if _name in ("multivariate_hypergeometric",):
        continue  # a Generator method only, in NumPy too
    globals()[_name] = _legacy_distribution(_name)
    __all__.append(_name)


def get_state(legacy=True):
    """The legacy generator's state (NumPy's ``random.get_state``)."""
    return _LEGACY.numpy.get_state(legacy=legacy)


def set_state(state):
    """Restore the legacy generator's state (NumPy's ``random.set_state``)."""
    _LEGACY.numpy.set_state(state)


class RandomState:
    """NumPy's legacy ``RandomState``: a Mersenne Twister generator object with the
    legacy functions as methods. Its numbers are NumPy's on every device: they are
    made on the host and moved to ``device`` (the default device when it was made)."""

    def __init__(self, seed=None, *, device=None):
        self.device = state().default_device if device is None else parse_device(
            device, "RandomState")
        self._numpy = seed if isinstance(seed, np.random.RandomState) else \
            np.random.RandomState(_seed(seed))

    def __repr__(self):
        return f"bridge.random.RandomState(device='{self.device}')"

    def seed(self, seed=None):
        """Reseed the generator."""
        self._numpy.seed(_seed(seed))

    def get_state(self, legacy=True):
        """NumPy's state tuple."""
        return self._numpy.get_state(legacy=legacy)

    def set_state(self, value):
        """Restore a state from ``get_state``."""
        self._numpy.set_state(value)

    def _call(self, name, *args, **kwargs):
        args = tuple(_host(a) for a in args)
        kwargs = {k: _host(v) for k, v in kwargs.items()}
        return _legacy_wrap(getattr(self._numpy, name)(*args, **kwargs), self.device)

    def rand(self, *shape):
        """Floats uniform in [0, 1) of the given shape."""
        return self._call("rand", *shape)

    def randn(self, *shape):
        """Standard normal samples of the given shape."""
        return self._call("randn", *shape)

    def randint(self, low, high=None, size=None, dtype=int):
        """Integers in [low, high) (or [0, low))."""
        dtype = normalize_dtype(dtype, "RandomState.randint")
        return self._call("randint", low, high, _size(size, "randint"), dtype=dtype)

    def random_sample(self, size=None):
        """Floats uniform in [0, 1)."""
        return self._call("random_sample", size=_size(size, "random_sample"))

    random = sample = ranf = random_sample

    def uniform(self, low=0.0, high=1.0, size=None):
        """Samples uniform in [low, high)."""
        return self._call("uniform", low, high, size=_size(size, "uniform"))

    def normal(self, loc=0.0, scale=1.0, size=None):
        """Samples of N(loc, scale²)."""
        return self._call("normal", loc, scale, size=_size(size, "normal"))

    def standard_normal(self, size=None):
        """Standard normal samples."""
        return self._call("standard_normal", size=_size(size, "standard_normal"))

    def exponential(self, scale=1.0, size=None):
        """Samples of the exponential distribution with mean ``scale``."""
        return self._call("exponential", scale, size=_size(size, "exponential"))

    def choice(self, a, size=None, replace=True, p=None):
        """Random samples from ``a`` (an int n means arange(n))."""
        return _legacy_choice(self._numpy, "RandomState.choice", a, size, replace, p,
                              self.device)

    def permutation(self, x):
        """A permuted copy of ``x`` along axis 0, or of arange(x) for an int."""
        return _legacy_permutation(self._numpy, x, self.device)

    def shuffle(self, x):
        """Shuffle tensor ``x`` in place along axis 0."""
        _legacy_shuffle(self._numpy, x, "RandomState.shuffle")

    def bytes(self, length):
        """``length`` random bytes."""
        return self._numpy.bytes(length)


def _state_method(name):
    def draw(self, *args, **kwargs):
        return self._call(name, *args, **kwargs)

    draw.__name__ = draw.__qualname__ = name
    draw.__doc__ = f"NumPy's ``RandomState.{name}``."
    return draw


for _name in _LEGACY_DISTRIBUTIONS:
    if _name != "multivariate_hypergeometric":
        setattr(RandomState, _name, _state_method(_name))
__all__ += ["RandomState", "get_state", "set_state", "sample", "ranf"]


# ------------------------------------------------------------------ under vmap


def _under_transforms(fn, name):
    """``fn`` asking bridge.func first while a vmap runs: ``randomness`` decides
    whether a draw raises, is shared by the batch, or is made per example."""
    transforms = TRANSFORMS

    @functools.wraps(fn)
    def call(*args, **kwargs):
        if transforms.active:
            out = transforms.random(fn, name, args, kwargs)
            if out is not NOT_MINE:
                return out
        return fn(*args, **kwargs)

    return call


_LEGACY_NAMES = [name for name in _LEGACY_DISTRIBUTIONS if name != "multivariate_hypergeometric"]
for _name in ("rand", "randn", "randint", "random_sample", "uniform", "normal",
              "standard_normal", "exponential", "choice", "permutation", *_LEGACY_NAMES):
    globals()[_name] = _under_transforms(globals()[_name], _name)
random = sample = ranf = random_sample
for _name in ("random", "standard_normal", "normal", "uniform", "exponential", "integers",
              "choice", "permutation", "permuted", *_DISTRIBUTIONS):
    setattr(Generator, _name, _under_transforms(getattr(Generator, _name), _name))
for _name in ("rand", "randn", "randint", "random_sample", "uniform", "normal",
              "standard_normal", "exponential", "choice", "permutation", *_LEGACY_NAMES):
    setattr(RandomState, _name, _under_transforms(getattr(RandomState, _name), _name))
RandomState.random = RandomState.sample = RandomState.ranf = RandomState.random_sample
del _name
