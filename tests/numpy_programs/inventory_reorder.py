"""An inventory simulation with a reorder-point policy: daily Poisson demand from a
seeded generator, stock updated in place, orders arriving after a lead time held in
a pipeline array shifted with np.roll, lost sales counted, and the policy compared
over a grid of reorder points and order sizes."""
import numpy as np


def simulate(demand, reorder_point, order_qty, lead=3, start=50):
    stock = start
    pipeline = np.zeros(lead + 1, dtype=np.int64)
    levels = np.empty(demand.size, dtype=np.int64)
    lost = 0
    orders = 0
    for day, d in enumerate(demand):
        stock += pipeline[0]
        pipeline[0] = 0
        pipeline = np.roll(pipeline, -1)
        sold = min(stock, int(d))
        lost += int(d) - sold
        stock -= sold
        if stock + pipeline.sum() <= reorder_point:
            pipeline[lead - 1] += order_qty
            orders += 1
        levels[day] = stock
    return levels, lost, orders


def main():
    rng = np.random.default_rng(31)
    demand = rng.poisson(8, size=120)
    points = np.arange(10, 60, 10)
    sizes = np.array([20, 40, 60])
    lost = np.zeros((points.size, sizes.size), dtype=np.int64)
    holding = np.zeros((points.size, sizes.size))
    n_orders = np.zeros_like(lost)
    for i, rp in enumerate(points):
        for j, q in enumerate(sizes):
            levels, n_lost, o = simulate(demand, rp, q)
            lost[i, j] = n_lost
            holding[i, j] = levels.mean()
            n_orders[i, j] = o
    cost = 5.0 * lost + 0.5 * holding * demand.size / 30 + 20.0 * n_orders
    best = np.unravel_index(np.argmin(cost), cost.shape)
    levels, _, _ = simulate(demand, points[best[0]], sizes[best[1]])
    stockout_days = np.flatnonzero(levels == 0)
    weekly = demand[:119].reshape(17, 7).sum(axis=1)
    return {"demand_stats": (demand.mean(), demand.var(), demand.max()), "lost": lost,
            "holding": holding.round(3), "orders": n_orders, "cost": cost,
            "best": (int(points[best[0]]), int(sizes[best[1]])), "levels": levels[:30],
            "stockout_days": stockout_days, "weekly": weekly,
            "service_level": 1 - lost / demand.sum()}


if __name__ == "__main__":
    print(main())
