"""Downstream libraries running their real code on bridge tensors, compared with
the same calls on NumPy arrays: scikit-learn (``array_api_dispatch``), SciPy
(``SCIPY_ARRAY_API=1``), array-api-compat, array-api-extra, einops and Dask (bridge
tensors as the chunks of a dask array).

The libraries come with the ``test`` extra (``pip install -e .[test]``)."""

from __future__ import annotations

import os

# SciPy reads the flag once, when it is first imported
os.environ["SCIPY_ARRAY_API"] = "1"

import array_api_compat  # noqa: E402
import array_api_extra as xpx  # noqa: E402
import dask  # noqa: E402
import dask.array as da  # noqa: E402
import einops.array_api as ea  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import scipy  # noqa: E402
import scipy.fft  # noqa: E402
import scipy.signal  # noqa: E402
import scipy.special  # noqa: E402
import scipy.stats  # noqa: E402
import sklearn  # noqa: E402
from scipy._lib._array_api_override import SCIPY_ARRAY_API  # noqa: E402
from sklearn import metrics  # noqa: E402
from sklearn.decomposition import PCA  # noqa: E402
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis  # noqa: E402
from sklearn.linear_model import LogisticRegression, Ridge  # noqa: E402
from sklearn.mixture import GaussianMixture  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

import bridge  # noqa: E402

from .conftest import to_numpy  # noqa: E402

RNG = np.random.default_rng(2024)
X = RNG.normal(size=(120, 5))
X[:, 1] += 2.0 * X[:, 0]
Y_CLASS = (X[:, 0] + 0.5 * X[:, 2] + 0.3 * RNG.normal(size=120) > 0).astype(np.int64)
Y_MULTI = np.digitize(X[:, 0] - X[:, 3], [-0.7, 0.7]).astype(np.int64)
Y_REG = X @ np.array([1.0, -0.5, 0.0, 2.0, 0.3]) + 0.1 * RNG.normal(size=120)
SCORES = X[:, 0] + 0.8 * RNG.normal(size=120)


def close(got, expected, rtol=1e-7, atol=1e-9):
    assert isinstance(got, bridge.Tensor), f"expected a bridge Tensor, got {type(got).__name__}"
    np.testing.assert_allclose(to_numpy(got), np.asarray(expected), rtol=rtol, atol=atol)


def on_gpu_or_refused(backend, call, *args):
    """``call(*args)``, or for GPU tensors the TypeError of a library that computes with NumPy
    (SciPy does for namespaces it does not know): bridge never copies GPU memory to the
    host implicitly, and says so. None where it refused."""
    if backend != "cupy":
        return call(*args)
    try:
        return call(*args)
    except TypeError as error:
        message = str(error)
        assert "cuda:0" in message and ("to_device('cpu')" in message), message
        return None


def test_scipy_reads_the_array_api_flag():
    assert SCIPY_ARRAY_API, "scipy was imported before SCIPY_ARRAY_API=1 was set"


# ------------------------------------------------------------------ scikit-learn


@pytest.fixture
def dispatch():
    with sklearn.config_context(array_api_dispatch=True):
        yield


def _fit_both(make, x, y=None):
    reference = make().fit(x, y)
    with sklearn.config_context(array_api_dispatch=True):
        fitted = make().fit(bridge.asarray(x), None if y is None else bridge.asarray(y))
    return reference, fitted


def test_sklearn_linear_discriminant_analysis(backend):
    ref, est = _fit_both(lambda: LinearDiscriminantAnalysis(solver="svd"), X, Y_MULTI)
    with sklearn.config_context(array_api_dispatch=True):
        got, want = est.transform(bridge.asarray(X)), ref.transform(X)
        # each discriminant direction is an SVD vector, defined up to its sign (LAPACK's
        # and cuSOLVER's differ): compare with the reference's signs
        signs = np.sign(np.sum(to_numpy(got) * want, axis=0))
        close(got * bridge.asarray(signs, device=got.device), want)
        close(est.predict_proba(bridge.asarray(X)), ref.predict_proba(X))
        predictions = est.predict(bridge.asarray(X))
    np.testing.assert_array_equal(to_numpy(predictions), ref.predict(X))
    close(est.coef_, ref.coef_)


def test_sklearn_pca(backend):
    ref, est = _fit_both(lambda: PCA(n_components=3, svd_solver="full"), X)
    close(est.explained_variance_, ref.explained_variance_)
    close(est.components_, ref.components_)
    with sklearn.config_context(array_api_dispatch=True):
        close(est.transform(bridge.asarray(X)), ref.transform(X))
        back = est.inverse_transform(est.transform(bridge.asarray(X)))
    close(back, ref.inverse_transform(ref.transform(X)))


def test_sklearn_ridge_svd(backend):
    ref, est = _fit_both(lambda: Ridge(alpha=0.7, solver="svd"), X, Y_REG)
    close(est.coef_, ref.coef_)
    with sklearn.config_context(array_api_dispatch=True):
        close(est.predict(bridge.asarray(X)), ref.predict(X))


def test_sklearn_standard_scaler(backend):
    ref, est = _fit_both(StandardScaler, X)
    close(est.mean_, ref.mean_)
    close(est.scale_, ref.scale_)
    with sklearn.config_context(array_api_dispatch=True):
        scaled = est.transform(bridge.asarray(X))
        close(scaled, ref.transform(X))
        close(est.inverse_transform(scaled), X)


def test_sklearn_gaussian_mixture(backend):
    # array_api_dispatch supports the 'random' and 'random_from_data' initialisations
    def make():
        return GaussianMixture(n_components=2, init_params="random_from_data", random_state=0,
                               max_iter=50)

    ref, est = _fit_both(make, X[:, :3])
    close(est.means_, ref.means_, rtol=1e-6)
    close(est.weights_, ref.weights_, rtol=1e-6)
    with sklearn.config_context(array_api_dispatch=True):
        close(est.score_samples(bridge.asarray(X[:, :3])), ref.score_samples(X[:, :3]), rtol=1e-6)


def test_sklearn_logistic_regression(backend):
    ref, est = _fit_both(lambda: LogisticRegression(C=0.5), X, Y_CLASS)
    close(est.coef_, ref.coef_, rtol=1e-4, atol=1e-6)
    with sklearn.config_context(array_api_dispatch=True):
        close(est.predict_proba(bridge.asarray(X)), ref.predict_proba(X), rtol=1e-4, atol=1e-6)


def test_sklearn_metrics(backend, dispatch):
    yt, ys = bridge.asarray(Y_CLASS), bridge.asarray(SCORES)
    pred = bridge.asarray((SCORES > 0).astype(np.int64))
    np_pred = (SCORES > 0).astype(np.int64)
    # roc_curve with drop_intermediate=True calls xp.diff(x, 2), passing n positionally;
    # the standard's diff takes n by keyword only, so it fails on any strict namespace
    fpr, tpr, thresholds = metrics.roc_curve(yt, ys, drop_intermediate=False)
    efpr, etpr, ethr = metrics.roc_curve(Y_CLASS, SCORES, drop_intermediate=False)
    close(fpr, efpr)
    close(tpr, etpr)
    close(thresholds, ethr)
    for name in ("accuracy_score", "f1_score", "precision_score", "recall_score",
                 "zero_one_loss", "matthews_corrcoef"):
        got = getattr(metrics, name)(yt, pred)
        expected = getattr(metrics, name)(Y_CLASS, np_pred)
        assert float(got) == pytest.approx(float(expected), rel=1e-12), name
    close(metrics.confusion_matrix(yt, pred), metrics.confusion_matrix(Y_CLASS, np_pred))
    for name in ("mean_squared_error", "mean_absolute_error", "r2_score",
                 "explained_variance_score"):
        got = getattr(metrics, name)(bridge.asarray(Y_REG), bridge.asarray(Y_REG * 0.9 + 0.1))
        expected = getattr(metrics, name)(Y_REG, Y_REG * 0.9 + 0.1)
        assert float(got) == pytest.approx(float(expected), rel=1e-12), name
    prob = bridge.asarray(1 / (1 + np.exp(-SCORES)))
    assert float(metrics.log_loss(yt, prob)) == pytest.approx(
        metrics.log_loss(Y_CLASS, 1 / (1 + np.exp(-SCORES))), rel=1e-10)


# ------------------------------------------------------------------ SciPy


POS = np.linspace(0.1, 3.0, 17)
SIG = np.sin(np.linspace(0, 6, 40)) + 0.1 * RNG.normal(size=40)


@pytest.mark.parametrize("name,args", [
    ("erf", (POS,)), ("erfc", (POS,)), ("gammaln", (POS,)), ("expit", (POS - 1,)),
    ("logit", (POS / 4,)), ("xlogy", (POS, POS[::-1])), ("entr", (POS,)),
    ("logsumexp", (POS,)), ("softmax", (POS,)), ("log_softmax", (POS,)), ("ndtr", (POS,)),
    ("ndtri", (POS / 4,)), ("i0", (POS,)), ("rel_entr", (POS, POS[::-1])),
])
def test_scipy_special(backend, name, args):
    func = getattr(scipy.special, name)
    got = on_gpu_or_refused(backend, lambda: func(*[bridge.asarray(a) for a in args]))
    if got is not None:
        close(got, func(*args), rtol=1e-12)


@pytest.mark.parametrize("name,args,kwargs", [
    ("zscore", (POS,), {}), ("skew", (POS ** 2,), {}), ("kurtosis", (POS ** 2,), {}),
    ("moment", (POS,), {"order": 3}), ("gmean", (POS,), {}), ("hmean", (POS,), {}),
    ("variation", (POS,), {}), ("sem", (POS,), {}), ("entropy", (POS,), {}),
    ("pearsonr", (POS, POS ** 2), {}), ("ttest_1samp", (POS, 1.0), {}),
    ("ttest_ind", (POS, POS ** 1.5), {}), ("pmean", (POS, 2.5), {}),
])
def test_scipy_stats(backend, name, args, kwargs):
    func = getattr(scipy.stats, name)
    got = on_gpu_or_refused(backend, lambda: func(
        *[bridge.asarray(a) if isinstance(a, np.ndarray) else a for a in args], **kwargs))
    if got is None:
        return
    expected = func(*args, **kwargs)
    if isinstance(expected, tuple):
        for g, e in zip(got, expected):
            close(g, e, rtol=1e-10)
    else:
        close(got, expected, rtol=1e-10)


@pytest.mark.parametrize("name", ["fft", "ifft", "rfft", "dct", "idct", "dst", "fftshift",
                                  "hfft", "fftn", "rfftn"])
def test_scipy_fft(backend, name):
    func = getattr(scipy.fft, name)
    got = on_gpu_or_refused(backend, lambda: func(bridge.asarray(SIG)))
    if got is not None:
        close(got, func(SIG), rtol=1e-10, atol=1e-12)


def test_scipy_signal(backend):
    s, k = bridge.asarray(SIG), bridge.asarray(SIG[:5])
    for name in ("convolve", "correlate", "fftconvolve", "oaconvolve"):
        func = getattr(scipy.signal, name)
        got = on_gpu_or_refused(backend, func, s, k)
        if got is not None:
            close(got, func(SIG, SIG[:5]), rtol=1e-9, atol=1e-12)
    got = on_gpu_or_refused(backend, lambda: scipy.signal.detrend(s))
    if got is not None:
        close(got, scipy.signal.detrend(SIG), rtol=1e-9, atol=1e-12)
    got = on_gpu_or_refused(backend, lambda: scipy.signal.lfilter(
        bridge.asarray([0.5, 0.5]), bridge.asarray([1.0, -0.2]), s))
    if got is not None:
        close(got, scipy.signal.lfilter([0.5, 0.5], [1.0, -0.2], SIG), rtol=1e-10)
    window = scipy.signal.windows.hann(16, xp=bridge)
    close(window, scipy.signal.windows.hann(16))


# ------------------------------------------------------------------ array-api-compat, -extra, einops


def test_array_api_compat(backend):
    t = bridge.asarray(X)
    assert array_api_compat.array_namespace(t) is bridge
    assert array_api_compat.array_namespace(t, t[0]) is bridge
    assert array_api_compat.is_array_api_obj(t)
    assert array_api_compat.device(t) == t.device
    assert array_api_compat.size(t) == X.size
    assert array_api_compat.to_device(t, t.device) is t


def test_array_api_extra(backend):
    t = bridge.asarray(X[:4, :3])
    v = bridge.asarray(POS)
    close(xpx.cov(t), np.cov(X[:4, :3]))
    close(xpx.atleast_nd(v, ndim=3), POS[None, None, :])
    close(xpx.kron(t, t), np.kron(X[:4, :3], X[:4, :3]))
    close(xpx.sinc(v), np.sinc(POS))
    close(xpx.pad(v, 2), np.pad(POS, 2))
    close(xpx.create_diagonal(v), np.diag(POS))
    close(xpx.setdiff1d(bridge.asarray([1, 2, 3, 4]), bridge.asarray([2, 4])), [1, 3])
    assert int(xpx.nunique(bridge.asarray([1, 2, 2, 3, 3, 3]))) == 3
    close(xpx.isclose(v, v + 1e-9), np.ones(POS.shape, dtype=bool))
    close(xpx.at(v)[1:3].set(0.0, copy=True), np.concatenate([POS[:1], [0.0, 0.0], POS[3:]]))
    close(xpx.at(v, bridge.asarray([0, 2])).add(1.0, copy=True),
          POS + np.isin(np.arange(POS.size), [0, 2]))
    target = bridge.asarray(POS.copy())
    xpx.at(target)[0].set(-1.0, copy=False)  # bridge tensors are writable: in place
    assert float(target[0]) == -1.0
    close(xpx.one_hot(bridge.asarray([0, 2, 1]), 3), np.eye(3)[[0, 2, 1]])
    close(xpx.apply_where(v > 1, v, bridge.sqrt, fill_value=0.0),
          np.where(POS > 1, np.sqrt(POS), 0.0))
    close(xpx.nan_to_num(bridge.asarray([np.nan, 1.0]), fill_value=-1.0), [-1.0, 1.0])
    close(xpx.nanmean(bridge.asarray([np.nan, 1.0, 3.0])), 2.0)
    parted = to_numpy(xpx.partition(v, 4))
    assert np.all(parted[:4] <= parted[4]) and np.all(parted[5:] >= parted[4])
    close(xpx.searchsorted(v, bridge.asarray([0.5, 2.0])), np.searchsorted(POS, [0.5, 2.0]))


def test_einops(backend):
    a = np.arange(24.0).reshape(2, 3, 4)
    t = bridge.asarray(a)
    close(ea.rearrange(t, "a b c -> (a c) b"), a.transpose(0, 2, 1).reshape(8, 3))
    close(ea.reduce(t, "a b c -> a", "sum"), a.sum(axis=(1, 2)))
    close(ea.reduce(t, "a b c -> b c", "mean"), a.mean(axis=0))
    close(ea.reduce(t, "a (b two) c -> a b c", "max", two=1), a)
    close(ea.repeat(t, "a b c -> a b c d", d=2), np.repeat(a[..., None], 2, axis=-1))
    packed, shapes = ea.pack([t, t], "a * c")
    close(packed, np.concatenate([a, a], axis=1))
    close(ea.unpack(packed, shapes, "a * c")[1], a)


# ------------------------------------------------------------------ Dask


@pytest.fixture
def dask_array():
    bridge.register_dask()
    data = RNG.normal(size=(90, 40))
    tensor = bridge.asarray(data)
    with dask.config.set(scheduler="sync"):
        yield data, da.from_array(tensor, chunks=(30, 20), asarray=False)


def _chunk_types(x):
    seen = set()

    def record(block):
        seen.add(type(block))
        return block

    x.map_blocks(record, dtype=x.dtype).compute()
    return seen


def test_dask_chunks_are_tensors(backend, dask_array):
    data, x = dask_array
    assert isinstance(x._meta, bridge.Tensor)
    assert _chunk_types(x) == {bridge.Tensor}
    pipeline = da.exp(x) * 2.0 - da.sin(x) ** 2
    assert isinstance(pipeline._meta, bridge.Tensor)
    assert _chunk_types(pipeline) == {bridge.Tensor}


def test_dask_reductions(backend, dask_array):
    data, x = dask_array
    close(x.sum().compute(), data.sum(), rtol=1e-12)
    close(x.mean(axis=0).compute(), data.mean(axis=0), rtol=1e-12)
    close(x.std(axis=1).compute(), data.std(axis=1), rtol=1e-10)
    close(x.max(axis=1).compute(), data.max(axis=1))
    close(x.argmin(axis=0).compute(), data.argmin(axis=0))


def test_dask_elementwise_pipeline(backend, dask_array):
    data, x = dask_array
    got = ((da.exp(x) * 2.0 - da.sin(x) ** 2) / (1.0 + x * x)).sum(axis=1).compute()
    close(got, ((np.exp(data) * 2.0 - np.sin(data) ** 2) / (1.0 + data * data)).sum(axis=1),
          rtol=1e-12)
    close(da.concatenate([x, x[:, :5]], axis=1).compute(),
          np.concatenate([data, data[:, :5]], axis=1))
    close(x[10:70:3, 5].compute(), data[10:70:3, 5])


def test_dask_matrix_product(backend, dask_array):
    data, x = dask_array
    close((x @ x.T).compute(), data @ data.T, rtol=1e-12)
    close(x.T.dot(x).compute(), data.T @ data, rtol=1e-12)
    close(da.einsum("ij,ij->j", x, x).compute(), np.einsum("ij,ij->j", data, data), rtol=1e-12)
