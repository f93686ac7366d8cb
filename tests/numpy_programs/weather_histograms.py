"""Weather statistics: np.histogram with density and weights, histogram2d of
temperature against humidity, histogram_bin_edges rules, correlation and
covariance matrices, quantiles and weighted averages."""
import numpy as np


def main():
    rng = np.random.default_rng(8)
    temp = rng.normal(15, 8, 365)
    hum = np.clip(70 - 1.2 * (temp - 15) + rng.normal(0, 5, 365), 0, 100)
    rain = rng.gamma(1.5, 2.0, 365)
    h, e = np.histogram(temp, bins=10)
    hd, _ = np.histogram(temp, bins=10, density=True)
    hw, _ = np.histogram(temp, bins=[-20, 0, 10, 20, 40], weights=rain)
    H, xe, ye = np.histogram2d(temp, hum, bins=(4, 3))
    auto = np.histogram_bin_edges(temp, bins="auto")
    C = np.corrcoef(temp, hum)
    S = np.cov(np.vstack([temp, hum, rain]))
    return {"h": h, "e": e, "hd": hd, "hw": hw, "H": H, "xe": xe, "ye": ye,
            "n_auto": auto.size, "sturges": np.histogram_bin_edges(temp, bins="sturges"),
            "C": C, "S": S, "q": np.quantile(rain, [0.1, 0.5, 0.9]),
            "q_lower": np.quantile(rain, 0.5, method="lower"),
            "wavg": np.average(temp, weights=rain), "ptp": np.ptp(temp),
            "median": np.median(hum), "std": temp.std(), "var": hum.var(ddof=1),
            "range_hist": np.histogram(temp, bins=5, range=(0, 25))[0],
            "monthly": temp[:360].reshape(12, 30).mean(axis=1)}


if __name__ == "__main__":
    print(main())
