"""Covariance and correlation of portfolio returns: np.cov with rowvar=False,
bias and ddof, frequency and analytic weights, np.corrcoef, weighted means
with np.average (returned=True, axis), and the weighted covariance rebuilt by
hand."""
import numpy as np


def main():
    rng = np.random.default_rng(19)
    L = np.array([[1.0, 0, 0], [0.6, 0.8, 0], [-0.3, 0.2, 0.9]])
    R = rng.standard_normal((60, 3)) @ L.T * 0.02 + 0.001
    C = np.cov(R, rowvar=False)
    C_bias = np.cov(R.T, bias=True)
    C_ddof0 = np.cov(R.T, ddof=0)
    corr = np.corrcoef(R, rowvar=False)
    fw = rng.integers(1, 4, size=60)
    aw = np.linspace(0.5, 1.5, 60)
    C_fw = np.cov(R.T, fweights=fw)
    C_aw = np.cov(R.T, aweights=aw)
    repeated = np.repeat(R, fw, axis=0)
    mean_w, wsum = np.average(R, axis=0, weights=aw, returned=True)
    Xc = R - mean_w
    v1, v2 = aw.sum(), (aw ** 2).sum()
    manual_aw = (Xc * aw[:, None]).T @ Xc / (v1 - v2 / v1)
    x, y = R[:, 0], R[:, 1]
    pair = np.cov(x, y)
    pair_corr = np.corrcoef(x, y)[0, 1]
    w_scalar = np.average([1, 2, 3, 4], weights=[4, 3, 2, 1])
    grid_avg = np.average(np.arange(6).reshape(2, 3), axis=1, weights=[1, 0, 1])
    return {
        "C_diag": np.diag(C),
        "C_shape": C.shape,
        "bias_equal": bool(np.allclose(C_bias, C_ddof0)),
        "bias_ratio": float(C_bias[0, 0] / C[0, 0]),
        "corr": np.round(corr, 6),
        "corr_diag": np.diag(corr),
        "fw_matches_repeat": bool(np.allclose(C_fw, np.cov(repeated.T))),
        "aw_matches_manual": bool(np.allclose(C_aw, manual_aw)),
        "mean_w": mean_w,
        "wsum": wsum,
        "pair_shape": pair.shape,
        "pair_corr": pair_corr,
        "w_scalar": w_scalar,
        "grid_avg": grid_avg,
        "scalar_cov": np.cov([1.0, 2.0, 4.0]),
        "int_cov_dtype": np.cov(np.array([[1, 2, 3], [2, 4, 7]])).dtype,
    }


if __name__ == "__main__":
    print(main())
