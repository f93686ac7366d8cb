"""Net present value of cash-flow projects across discount rates, the internal
rate of return found by bisection on each project, the payback period from
cumulative sums, and a ranking of the projects."""
import numpy as np


def npv(rate, flows):
    t = np.arange(flows.shape[-1])
    return np.sum(flows / (1.0 + rate) ** t, axis=-1)


def irr(flows, lo=-0.99, hi=1.0, tol=1e-10):
    f_lo = npv(lo, flows)
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        f_mid = npv(mid, flows)
        if np.sign(f_mid) == np.sign(f_lo):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
        if hi - lo < tol:
            break
    return 0.5 * (lo + hi)


def main():
    projects = np.array([
        [-1000.0, 300, 400, 400, 300, 100],
        [-1500.0, 200, 500, 700, 600, 200],
        [-800.0, 500, 300, 100, 50, 0],
        [-2000.0, 100, 200, 800, 1000, 900],
    ])
    rates = np.linspace(0.0, 0.2, 21)
    table = npv(rates[:, np.newaxis, np.newaxis], projects[np.newaxis])
    table = table.reshape(rates.size, projects.shape[0])
    irrs = np.array([irr(p) for p in projects])
    cum = np.cumsum(projects, axis=1)
    payback = np.argmax(cum >= 0, axis=1).astype(float)
    payback[~np.any(cum >= 0, axis=1)] = np.inf
    at_8 = npv(0.08, projects)
    order = np.argsort(-at_8)
    best_per_rate = np.argmax(table, axis=1)
    switches = np.flatnonzero(np.diff(best_per_rate)) + 1
    return {"npv_table": table, "irr": irrs, "payback": payback, "at_8": at_8,
            "ranking": order, "best_per_rate": best_per_rate,
            "switch_rates": rates[switches], "check": np.allclose(npv(irrs[0], projects[0]), 0.0, atol=1e-6),
            "report": [f"project {i}: irr={r:.2%}" for i, r in enumerate(irrs.tolist())]}


if __name__ == "__main__":
    print(main())
