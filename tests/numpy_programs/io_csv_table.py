"""A table of weather measurements as CSV: written with savetxt (a header, one format
per column), read back with loadtxt (skiprows, usecols, unpack, comments), statistics
per station, and a file with gaps read with genfromtxt."""
import os
import tempfile

import numpy as np


def main():
    rng = np.random.default_rng(11)
    stations, hours = 4, 12
    station = np.repeat(np.arange(stations), hours)
    hour = np.tile(np.arange(hours), (stations,))
    temp = 15.0 + 5.0 * np.sin(hour / hours * 2 * np.pi) + station + rng.normal(size=station.size)
    humidity = 60.0 + 10.0 * rng.random(station.size)
    table = np.column_stack([station, hour, temp, humidity])
    with tempfile.TemporaryDirectory() as folder:
        csv = os.path.join(folder, "weather.csv")
        np.savetxt(csv, table, fmt=["%d", "%d", "%.3f", "%.2f"], delimiter=",",
                   header="station,hour,temp,humidity", comments="")
        with open(csv) as fh:
            first_lines = fh.read().splitlines()[:2]
        whole = np.loadtxt(csv, delimiter=",", skiprows=1)
        ids, temps = np.loadtxt(csv, delimiter=",", skiprows=1, usecols=(0, 2), unpack=True)
        ids = ids.astype(np.int64)
        means = np.array([np.mean(temps[ids == s]) for s in range(stations)])
        hottest = np.array([np.argmax(temps[ids == s]) for s in range(stations)])
        hum = np.loadtxt(csv, delimiter=",", skiprows=1, usecols=3, max_rows=hours)

        # NumPy's default format and a '#' header that loadtxt skips as a comment
        plain = os.path.join(folder, "plain.txt")
        np.savetxt(plain, table[:, 2:], header="temp humidity")
        back = np.loadtxt(plain)

        gaps = os.path.join(folder, "gaps.csv")
        with open(gaps, "w") as fh:
            fh.write("a,b,c\n1.5,2,\n4,,6\n7,8,9\n# the end\n")
        raw = np.genfromtxt(gaps, delimiter=",", skip_header=1)
        filled = np.genfromtxt(gaps, delimiter=",", skip_header=1, filling_values=-1.0)
        named = np.genfromtxt(gaps, delimiter=",", names=True)
        column_b = named["b"]
    return {"whole": whole, "means": means, "hottest": hottest, "humidity": hum,
            "back": back, "raw": raw, "filled": filled,
            "column_means": np.nanmean(raw, axis=0), "column_b": column_b,
            "n_missing": np.sum(np.isnan(raw)), "header_fields": len(first_lines[0].split(",")),
            "first_row": np.array([float(v) for v in first_lines[1].split(",")])}


if __name__ == "__main__":
    print(main())
