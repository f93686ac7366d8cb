"""Interpolating compass headings: np.interp with period=360 for angles that wrap,
np.unwrap of a heading track in degrees (period=360) and radians, np.deg2rad /
np.rad2deg, the mean direction from unit vectors with np.arctan2, and np.mod wrapping."""
import numpy as np


def main():
    t = np.array([0.0, 10.0, 20.0, 30.0, 40.0])
    heading = np.array([350.0, 5.0, 20.0, 355.0, 340.0])
    t_new = np.arange(0.0, 41.0, 5.0)
    naive = np.interp(t_new, t, heading)
    unwrapped = np.unwrap(heading, period=360)
    smooth = np.mod(np.interp(t_new, t, unwrapped), 360)
    by_period = np.interp([355.0, 2.0, 15.0], [350.0, 10.0, 20.0], [0.0, 1.0, 2.0], period=360)
    rad = np.deg2rad(heading)
    unwrapped_rad = np.unwrap(rad)
    mean_dir = np.rad2deg(np.arctan2(np.sin(rad).mean(), np.cos(rad).mean())) % 360
    resultant = np.hypot(np.sin(rad).mean(), np.cos(rad).mean())
    turn = np.diff(unwrapped)
    clamp = np.interp([-5.0, 50.0], t, heading, left=-1.0, right=-2.0)
    signed = (heading + 180) % 360 - 180
    degs = np.degrees(np.array([np.pi / 6, np.pi]))
    rads = np.radians(np.array([90.0, 270.0]))
    return {"naive": naive, "unwrapped": unwrapped, "smooth": smooth,
            "by_period": by_period, "unwrapped_rad": unwrapped_rad, "mean_dir": mean_dir,
            "resultant": resultant, "turn": turn, "clamp": clamp, "signed": signed,
            "degs": degs, "rads": rads, "fmod": np.fmod(np.array([-370.0, 370.0]), 360.0)}


if __name__ == "__main__":
    print(main())
