"""Projectiles launched over a grid of speeds and angles: flight time, range and
apex height from closed forms, a sampled trajectory with drag integrated by Euler
steps, the landing point by linear interpolation, and the best angle per speed."""
import numpy as np

G = 9.81


def main():
    speeds = np.array([10.0, 20.0, 30.0])
    angles = np.deg2rad(np.arange(15, 80, 5))
    V, A = np.meshgrid(speeds, angles, indexing="ij")
    t_flight = 2 * V * np.sin(A) / G
    rng_ = V ** 2 * np.sin(2 * A) / G
    apex = (V * np.sin(A)) ** 2 / (2 * G)
    best = np.rad2deg(angles[np.argmax(rng_, axis=1)])

    dt, k = 0.01, 0.05
    pos = np.zeros(2)
    vel = 25.0 * np.array([np.cos(np.pi / 4), np.sin(np.pi / 4)])
    path = [pos.copy()]
    while pos[1] >= 0.0:
        speed = np.linalg.norm(vel)
        acc = np.array([0.0, -G]) - k * speed * vel
        vel = vel + acc * dt
        pos = pos + vel * dt
        path.append(pos.copy())
    path = np.array(path)
    x0, y0 = path[-2]
    x1, y1 = path[-1]
    landing = np.interp(0.0, [y1, y0], [x1, x0])
    height = path[:, 1].max()
    ideal = 25.0 ** 2 / G
    samples = np.linspace(0, 1, 5)
    traj = np.outer(samples, [1.0, 1.0]) * np.array([rng_[1, 6], apex[1, 6]])
    return {"t_flight": t_flight, "range": rng_.round(3), "apex": apex, "best_angle": best,
            "steps": len(path), "landing": float(landing), "height": height,
            "drag_loss": 1 - landing / ideal, "traj": traj,
            "longest": np.unravel_index(np.argmax(rng_), rng_.shape),
            "summary": f"{landing:.2f} m vs {ideal:.2f} m"}


if __name__ == "__main__":
    print(main())
