"""Monte Carlo estimates of pi: darts, convergence and a batch error bar."""
import numpy as np


def main():
    rng = np.random.default_rng(31415)
    n = 20000
    xy = rng.uniform(-1.0, 1.0, size=(n, 2))
    inside = np.sum(xy ** 2, axis=1) <= 1.0
    estimate = 4.0 * inside.mean()
    running = 4.0 * np.cumsum(inside) / np.arange(1, n + 1)
    checkpoints = running[[9, 99, 999, 9999, n - 1]]
    batches = inside.reshape(20, -1).mean(axis=1) * 4
    err = batches.std(ddof=1) / np.sqrt(len(batches))
    quarter = rng.random((5000, 2), dtype=np.float32)
    q_inside = np.count_nonzero(np.linalg.norm(quarter, axis=1) < 1)
    q_est = np.float32(4) * np.float32(q_inside) / np.float32(len(quarter))
    # Buffon's needle
    centers = rng.uniform(0, 0.5, 4000)
    angles = rng.uniform(0, np.pi / 2, 4000)
    crosses = centers <= 0.5 * np.sin(angles)
    buffon = 2.0 * len(centers) / crosses.sum()
    report = f"pi ~ {estimate:.4f} +/- {err:.4f}"
    return {
        "estimate": estimate,
        "abs_error": abs(estimate - np.pi),
        "checkpoints": np.round(checkpoints, 6),
        "batches": batches,
        "err": err,
        "q_est": q_est,
        "q_dtype": str(q_est.dtype),
        "buffon": round(float(buffon), 6),
        "report": report,
        "inside_count": int(inside.sum()),
    }
