"""A single-server queue (M/M/1) simulated with exponential inter-arrival and
service times: Lindley's recursion, waiting-time statistics, the queue length over
time and utilisation."""
import numpy as np


def main():
    rng = np.random.default_rng(99)
    n = 2000
    lam, mu = 0.8, 1.0
    inter = rng.exponential(1.0 / lam, size=n)
    service = rng.exponential(1.0 / mu, size=n)
    arrivals = np.cumsum(inter)
    wait = np.zeros(n)
    for i in range(1, n):
        wait[i] = max(0.0, wait[i - 1] + service[i - 1] - inter[i])
    start = arrivals + wait
    depart = start + service
    events = np.concatenate([arrivals, depart])
    kinds = np.concatenate([np.ones(n, dtype=int), -np.ones(n, dtype=int)])
    order = np.argsort(events, kind="stable")
    in_system = np.cumsum(kinds[order])
    times = events[order]
    durations = np.diff(times)
    mean_in_system = np.sum(in_system[:-1] * durations) / (times[-1] - times[0])
    busy = np.sum(service) / depart[-1]
    waited = wait > 0
    p95 = np.percentile(wait, 95)
    hist, _ = np.histogram(wait, bins=10, range=(0, 20))
    return {"mean_wait": wait.mean(), "max_wait": wait.max(), "p95": p95,
            "fraction_waited": waited.mean(), "mean_in_system": mean_in_system,
            "max_in_system": in_system.max(), "utilisation": busy, "hist": hist,
            "theory_wait": lam / (mu * (mu - lam)), "last_departures": depart[-5:]}


if __name__ == "__main__":
    print(main())
