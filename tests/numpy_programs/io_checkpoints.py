"""Checkpointing a least-squares fit trained by gradient descent: the data saved with
save, the weights and the losses so far with savez every few epochs into a temporary
folder, the run resumed from a checkpoint, the loss log read back through a memory
map, and the final model in a compressed archive."""
import os
import tempfile

import numpy as np


def train(X, y, w, epochs, lr, log=None, start=0):
    for epoch in range(start, start + epochs):
        residual = X @ w - y
        if log is not None:
            log[epoch] = np.mean(residual ** 2)
        w = w - lr * (2.0 / len(y)) * (X.T @ residual)
    return w


def main():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(200, 4))
    true_w = np.array([1.5, -2.0, 0.5, 3.0])
    y = X @ true_w + 0.1 * rng.normal(size=200)
    epochs, every, lr = 60, 20, 0.05
    with tempfile.TemporaryDirectory() as folder:
        np.save(os.path.join(folder, "X.npy"), X)
        np.save(os.path.join(folder, "y"), y)  # save appends .npy
        X2 = np.load(os.path.join(folder, "X.npy"))
        y2 = np.load(os.path.join(folder, "y.npy"))

        log = np.zeros(epochs)
        w = np.zeros(4)
        for start in range(0, epochs, every):
            w = train(X2, y2, w, every, lr, log, start)
            np.savez(os.path.join(folder, f"ckpt_{start + every:03d}.npz"), w=w,
                     epoch=np.array(start + every), lr=np.array(lr),
                     losses=log[:start + every])
        with np.load(os.path.join(folder, f"ckpt_{epochs:03d}.npz")) as last:
            np.save(os.path.join(folder, "losses.npy"), last["losses"])
        losses = np.load(os.path.join(folder, "losses.npy"), mmap_mode="r")
        late = np.array(losses[epochs // 2:])
        del losses
        losses = np.load(os.path.join(folder, "losses.npy"))

        # resume from the middle checkpoint: the same weights as the uninterrupted run
        with np.load(os.path.join(folder, "ckpt_040.npz")) as ckpt:
            names = sorted(ckpt.files)
            w_mid = ckpt["w"]
            resumed_from = int(ckpt["epoch"])
            lr_saved = float(ckpt["lr"])
        w_resumed = train(X2, y2, w_mid, epochs - resumed_from, lr_saved)

        np.savez_compressed(os.path.join(folder, "model.npz"), w, true_w, bias=np.array(0.0))
        model = np.load(os.path.join(folder, "model.npz"))
        w_final, w_true = model["arr_0"], model["arr_1"]
        bias = model["bias"]
        model.close()
        n_checkpoints = len([f for f in os.listdir(folder) if f.startswith("ckpt_")])
    return {"losses": losses, "late": late, "w": w, "w_resumed": w_resumed, "w_final": w_final,
            "error": np.linalg.norm(w_final - w_true), "bias": bias,
            "resumed_from": resumed_from, "n_checkpoints": n_checkpoints,
            "n_names": len(names), "same_data": np.array_equal(X, X2) and np.array_equal(y, y2)}


if __name__ == "__main__":
    print(main())
