import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def log_loss(y, p, eps=1e-12):
    p = np.clip(p, eps, 1 - eps)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def main():
    rng = np.random.default_rng(7)
    n = 200
    X0 = rng.normal(loc=[-1.0, -0.5], scale=0.8, size=(n // 2, 2))
    X1 = rng.normal(loc=[1.0, 0.8], scale=0.8, size=(n // 2, 2))
    X = np.vstack([X0, X1])
    y = np.concatenate([np.zeros(n // 2), np.ones(n // 2)])
    Xb = np.hstack([np.ones((n, 1)), X])
    w = np.zeros(Xb.shape[1])
    lr = 0.5
    losses = []
    for epoch in range(300):
        p = sigmoid(Xb @ w)
        grad = Xb.T @ (p - y) / n
        w -= lr * grad
        if epoch % 50 == 0:
            losses.append(log_loss(y, p))
    p = sigmoid(Xb @ w)
    pred = (p >= 0.5).astype(int)
    accuracy = (pred == y).mean()
    tp = int(np.sum((pred == 1) & (y == 1)))
    fp = int(np.sum((pred == 1) & (y == 0)))
    fn = int(np.sum((pred == 0) & (y == 1)))
    # L2-regularised variant
    w_reg = np.zeros_like(w)
    for _ in range(300):
        p_reg = sigmoid(Xb @ w_reg)
        grad = Xb.T @ (p_reg - y) / n + 0.1 * np.r_[0.0, w_reg[1:]]
        w_reg = w_reg - lr * grad
    return {
        "weights": w,
        "weights_reg": w_reg,
        "losses": np.array(losses),
        "accuracy": accuracy,
        "precision": tp / (tp + fp),
        "recall": tp / (tp + fn),
        "shrunk": bool(np.linalg.norm(w_reg[1:]) < np.linalg.norm(w[1:])),
    }
