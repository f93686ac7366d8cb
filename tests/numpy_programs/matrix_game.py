"""Two-player zero-sum matrix games: saddle points from row minima and column
maxima, dominated strategies removed, the value of a 2x2 game in closed form,
fictitious play converging to mixed strategies, and rock-paper-scissors
variants with np.set_printoptions controlling the printed payoff table."""
import numpy as np


def saddle(P):
    row_min = P.min(axis=1)
    col_max = P.max(axis=0)
    lower, upper = row_min.max(), col_max.min()
    spots = np.argwhere((P == row_min[:, None]) & (P == col_max[None, :]))
    return lower, upper, spots


def fictitious(P, rounds):
    m, n = P.shape
    row_counts = np.zeros(m)
    col_counts = np.zeros(n)
    r, c = 0, 0
    values = []
    for t in range(1, rounds + 1):
        row_counts[r] += 1
        col_counts[c] += 1
        r = int(np.argmax(P @ col_counts))
        c = int(np.argmin(row_counts @ P))
        values.append((row_counts / t) @ P @ (col_counts / t))
    return row_counts / rounds, col_counts / rounds, np.array(values)


def main():
    P1 = np.array([[3, 1, 4], [2, 2, 3], [0, 1, 5]])
    lo, up, spots = saddle(P1)
    P2 = np.array([[1, -1], [-1, 1]]) * 2 + np.array([[1, 0], [0, 0]])
    a, b, c, d = P2.ravel()
    p = (d - c) / (a - b - c + d)
    value = (a * d - b * c) / (a - b - c + d)
    rps = np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], dtype=float)
    rps_w = rps * np.array([[1.0], [2.0], [1.0]])
    x, y, vals = fictitious(rps_w, 3000)
    dominated = [i for i in range(P1.shape[0])
                 if any(np.all(P1[j] >= P1[i]) and j != i for j in range(P1.shape[0]))]
    with np.printoptions(precision=3, suppress=True):
        text = np.array2string(rps_w @ y)
    old = np.get_printoptions()["precision"]
    np.set_printoptions(precision=2)
    text2 = str(x)
    np.set_printoptions(precision=old)
    return {"bounds": (lo, up), "saddle": spots, "p": p, "value": value,
            "x": x, "y": y, "game_value": vals[-1], "value_trace": vals[::500],
            "dominated": np.array(dominated), "text": text, "text2": text2,
            "expected_rows": rps_w @ y}


if __name__ == "__main__":
    print(main())
