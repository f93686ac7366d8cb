"""A limit order book: cumulative depth, fills by searchsorted, spreads and VWAP."""
import numpy as np


def fill(prices, sizes, qty):
    cum = np.cumsum(sizes)
    k = np.searchsorted(cum, qty)
    if k >= prices.size:
        return np.sum(prices * sizes), cum[-1]
    taken = np.minimum(sizes, np.maximum(qty - (cum - sizes), 0))
    return np.sum(prices * taken), qty


def main():
    rng = np.random.default_rng(99)
    mid = 100.0
    ask = np.round(mid + 0.05 + np.cumsum(rng.integers(1, 4, 12)) * 0.01, 2)
    bid = np.round(mid - 0.05 - np.cumsum(rng.integers(1, 4, 12)) * 0.01, 2)
    ask_sz = rng.integers(1, 20, 12) * 10
    bid_sz = rng.integers(1, 20, 12) * 10
    spread = ask[0] - bid[0]
    micro = (ask[0] * bid_sz[0] + bid[0] * ask_sz[0]) / (ask_sz[0] + bid_sz[0])
    depth_ask = np.cumsum(ask_sz)
    depth_bid = np.cumsum(bid_sz)
    orders = np.array([50, 200, 555, 10000])
    costs, got = zip(*(fill(ask, ask_sz, q) for q in orders))
    vwap = np.array(costs) / np.array(got)
    slippage = vwap - ask[0]
    levels_hit = np.searchsorted(depth_ask, orders) + 1
    imbalance = (depth_bid - depth_ask) / (depth_bid + depth_ask)
    within = np.count_nonzero(ask - mid <= 0.15)
    price_grid = np.arange(99.7, 100.31, 0.1)
    bucket = np.digitize(ask, price_grid)
    bucket_size = np.bincount(bucket, weights=ask_sz, minlength=price_grid.size + 1)
    return {
        "spread": spread,
        "micro": micro,
        "depth_ask": depth_ask,
        "vwap": vwap,
        "slippage": slippage,
        "levels_hit": np.minimum(levels_hit, ask.size),
        "imbalance": imbalance,
        "within": within,
        "bucket_size": bucket_size,
        "best": np.array([bid.max(), ask.min()]),
    }
