"""Physics: projectile trajectories for several launch angles."""
import numpy as np


def main():
    g = 9.81
    v0 = 30.0
    angles = np.deg2rad(np.array([15.0, 30.0, 45.0, 60.0, 75.0]))
    t_flight = 2 * v0 * np.sin(angles) / g
    t = np.linspace(0, t_flight.max(), 200)
    x = v0 * np.cos(angles)[:, None] * t
    y = v0 * np.sin(angles)[:, None] * t - 0.5 * g * t ** 2
    airborne = y >= 0
    y_clean = np.where(airborne, y, np.nan)
    max_height = np.nanmax(y_clean, axis=1)
    ranges = np.array([x[i][airborne[i]].max() for i in range(len(angles))])
    best_angle = np.rad2deg(angles[ranges.argmax()])
    analytic_range = v0 ** 2 * np.sin(2 * angles) / g
    hits_wall = (x >= 40) & (x <= 41) & (y > 5)
    wall_hitters = np.flatnonzero(hits_wall.any(axis=1))
    steps_in_air = airborne.sum(axis=1)
    apex_time = t[np.nanargmax(y_clean, axis=1)]
    return {
        "t_flight": t_flight,
        "max_height": max_height,
        "ranges": ranges,
        "best_angle": best_angle,
        "analytic_range": analytic_range,
        "wall_hitters": wall_hitters,
        "steps_in_air": steps_in_air,
        "apex_time": apex_time,
    }
