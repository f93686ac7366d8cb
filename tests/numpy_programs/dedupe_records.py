import numpy as np


def main():
    records = np.array([
        [101, 3, 20], [102, 1, 15], [101, 3, 20], [103, 2, 30],
        [102, 1, 15], [104, 5, 10], [101, 3, 25], [103, 2, 30],
        [105, 4, 40], [104, 5, 10],
    ])
    uniq, first_idx, inverse, counts = np.unique(
        records, axis=0, return_index=True, return_inverse=True, return_counts=True)
    keep_order = np.sort(first_idx)
    deduped = records[keep_order]
    dup_mask = np.ones(len(records), dtype=bool)
    dup_mask[first_idx] = False
    # dedupe by key column only, keeping the latest occurrence
    ids = records[:, 0]
    rev_unique, rev_idx = np.unique(ids[::-1], return_index=True)
    latest = len(ids) - 1 - rev_idx
    # scalar dedupe preserving order
    tags = np.array([5, 3, 5, 1, 3, 3, 9, 1, 0])
    _, tag_first = np.unique(tags, return_index=True)
    ordered_tags = tags[np.sort(tag_first)]
    # rows shared between two batches
    batch = np.array([[102, 1, 15], [999, 0, 0], [105, 4, 40]])
    in_records = (batch[:, None, :] == records[None, :, :]).all(axis=2).any(axis=1)
    # a float array with near duplicates, rounded first
    vals = np.array([0.1 + 0.2, 0.3, 1 / 3, 0.33333333333, 2.0, 2.0000000001])
    rounded_unique = np.unique(np.round(vals, 6))
    return {
        "uniq": uniq,
        "first_idx": first_idx,
        "inverse": inverse.ravel(),
        "counts": counts,
        "deduped": deduped,
        "dup_positions": np.flatnonzero(dup_mask),
        "latest": latest,
        "latest_rows": records[latest],
        "ordered_tags": ordered_tags,
        "in_records": in_records,
        "rounded_unique": rounded_unique,
        "exact_unique": np.unique(vals).size,
        "n_dupes": int(dup_mask.sum()),
    }
