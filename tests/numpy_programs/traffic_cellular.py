"""The Nagel-Schreckenberg traffic model on a ring road: cars accelerate, brake to
the gap ahead found with np.roll on sorted positions, slow down at random, and
move; flow and mean speed are measured across densities, with a space-time
occupancy diagram."""
import numpy as np


def simulate(rng, road, n_cars, vmax, p_slow, steps):
    pos = np.sort(rng.choice(road, size=n_cars, replace=False))
    vel = np.zeros(n_cars, dtype=int)
    diagram = np.zeros((steps, road), dtype=np.int8)
    flow = 0
    for t in range(steps):
        gaps = (np.roll(pos, -1) - pos - 1) % road
        vel = np.minimum(vel + 1, vmax)
        vel = np.minimum(vel, gaps)
        slow = rng.random(n_cars) < p_slow
        vel = np.where(slow, np.maximum(vel - 1, 0), vel)
        new = pos + vel
        flow += int(np.sum(new >= road))
        pos = new % road
        order = np.argsort(pos)
        pos, vel = pos[order], vel[order]
        diagram[t, pos] = 1
    return vel.mean(), flow / steps, diagram


def main():
    rng = np.random.default_rng(2024)
    road = 100
    densities = np.array([0.05, 0.1, 0.2, 0.3, 0.5, 0.7])
    speeds, flows = [], []
    for rho in densities:
        v, f, _ = simulate(rng, road, int(rho * road), 5, 0.3, 200)
        speeds.append(v)
        flows.append(f)
    _, _, diagram = simulate(rng, road, 30, 5, 0.3, 50)
    jammed = (diagram[:, 1:] & diagram[:, :-1]).sum(axis=1)
    speeds = np.array(speeds)
    flows = np.array(flows)
    return {"speeds": speeds, "flows": flows, "best_density": densities[np.argmax(flows)],
            "occupied": diagram.sum(axis=1), "jammed": jammed, "diagram_head": diagram[:5, :40],
            "free_flow": bool(speeds[0] > speeds[-1]), "capacity": flows.max()}


if __name__ == "__main__":
    print(main())
