import numpy as np


def main():
    # rows: documents, columns: vocabulary word counts
    counts = np.array([
        [3, 0, 1, 0, 2, 0],
        [2, 1, 0, 0, 3, 0],
        [0, 2, 0, 3, 0, 1],
        [0, 3, 1, 2, 0, 2],
        [4, 0, 2, 0, 1, 0],
        [0, 1, 0, 4, 0, 3],
        [1, 0, 3, 0, 2, 1],
    ])
    labels = np.array([0, 0, 1, 1, 0, 1, 0])
    n_classes = labels.max() + 1
    class_counts = np.bincount(labels)
    log_prior = np.log(class_counts / class_counts.sum())
    onehot = np.eye(n_classes, dtype=int)[labels]
    word_totals = onehot.T @ counts
    alpha = 1.0
    smoothed = word_totals + alpha
    log_lik = np.log(smoothed / smoothed.sum(axis=1, keepdims=True))
    test = np.array([[2, 0, 1, 0, 1, 0], [0, 2, 0, 2, 0, 1], [1, 1, 1, 1, 1, 1]])
    joint = test @ log_lik.T + log_prior
    pred = joint.argmax(axis=1)
    # normalised posteriors through log-sum-exp
    m = joint.max(axis=1, keepdims=True)
    log_norm = m + np.log(np.exp(joint - m).sum(axis=1, keepdims=True))
    posterior = np.exp(joint - log_norm)
    # Bernoulli variant: presence/absence
    present = (counts > 0).astype(float)
    p_word = (onehot.T @ present + 1) / (class_counts[:, None] + 2)
    tb = (test > 0).astype(float)
    bern = tb @ np.log(p_word).T + (1 - tb) @ np.log(1 - p_word).T + log_prior
    top_words = np.argsort(-log_lik, axis=1)[:, :2]
    return {
        "log_prior": log_prior,
        "word_totals": word_totals,
        "log_lik": log_lik,
        "pred": pred,
        "posterior": posterior,
        "bern_pred": bern.argmax(axis=1),
        "bern": bern,
        "top_words": top_words,
        "train_acc": float(((counts @ log_lik.T + log_prior).argmax(1) == labels).mean()),
    }
