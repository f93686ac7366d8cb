import numpy as np


def box_blur(img, r=1):
    p = np.pad(img.astype(float), r, mode="edge")
    out = np.zeros(img.shape, dtype=float)
    size = 2 * r + 1
    for dy in range(size):
        for dx in range(size):
            out += p[dy:dy + img.shape[0], dx:dx + img.shape[1]]
    return out / size**2


def otsu(img):
    hist, _ = np.histogram(img, bins=256, range=(0, 256))
    p = hist / hist.sum()
    omega = np.cumsum(p)
    mu = np.cumsum(p * np.arange(256))
    mu_t = mu[-1]
    denom = omega * (1 - omega)
    sigma_b = np.zeros(256)
    np.divide((mu_t * omega - mu) ** 2, denom, out=sigma_b, where=denom > 0)
    return int(np.argmax(sigma_b))


def main():
    yy, xx = np.mgrid[0:16, 0:16]
    img = np.where((yy - 7.5) ** 2 + (xx - 7.5) ** 2 < 25, 200, 40).astype(np.uint8)
    img[::5, ::3] = 120  # some speckle
    blurred = box_blur(img)
    blur2 = box_blur(img, 2)
    t = otsu(img)
    binary = img > t
    fixed = np.where(img >= 128, 255, 0).astype(np.uint8)
    blurred_u8 = np.clip(np.rint(blurred), 0, 255).astype(np.uint8)
    # integral image gives the same box sums
    ii = np.pad(img.astype(np.int64), ((1, 0), (1, 0))).cumsum(0).cumsum(1)
    box_sum = ii[3:, 3:] - ii[:-3, 3:] - ii[3:, :-3] + ii[:-3, :-3]
    direct = sum(img[dy:dy + 14, dx:dx + 14].astype(np.int64) for dy in range(3) for dx in range(3))
    edges = np.abs(np.diff(binary.astype(np.int8), axis=1)).sum()
    return {
        "otsu": t,
        "foreground": int(binary.sum()),
        "fixed_counts": np.bincount(fixed.ravel() // 255),
        "blurred_row": blurred[7],
        "blur2_center": blur2[6:10, 6:10],
        "blurred_u8": blurred_u8[::4, ::4],
        "integral_ok": bool(np.array_equal(box_sum, direct)),
        "box_sum": box_sum[5],
        "edges": int(edges),
        "mean_in": float(img[binary].mean()),
        "mean_out": float(img[~binary].mean()),
    }
