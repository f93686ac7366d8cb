import numpy as np


def main():
    img = np.arange(4 * 6).reshape(4, 6).astype(np.uint8)
    rgb = np.stack([img, img * 2, 255 - img], axis=-1)
    out = {}
    out["flipud"] = np.flipud(img)
    out["fliplr"] = np.fliplr(img)
    out["flip_both"] = np.flip(img, axis=(0, 1))
    out["flip_same"] = bool(np.array_equal(np.flip(img), img[::-1, ::-1]))
    out["rot90"] = np.rot90(img)
    out["rot180"] = np.rot90(img, 2)
    out["rot270"] = np.rot90(img, k=3)
    out["rot_neg"] = bool(np.array_equal(np.rot90(img, -1), np.rot90(img, 3)))
    out["rgb_rot"] = np.rot90(rgb, axes=(0, 1)).shape
    out["rgb_rot_px"] = np.rot90(rgb, 1, axes=(0, 1))[0, 0]
    stack = np.stack([img, img + 100])
    out["stack_rot"] = np.rot90(stack, k=1, axes=(1, 2))[1]
    out["crop"] = img[1:3, 2:5]
    h, w = img.shape
    ch, cw = 2, 4
    top, left = (h - ch) // 2, (w - cw) // 2
    out["center_crop"] = img[top:top + ch, left:left + cw]
    out["chw"] = np.transpose(rgb, (2, 0, 1)).shape
    out["moveaxis"] = np.moveaxis(rgb, -1, 0)[2, 1]
    gray = (rgb @ np.array([0.299, 0.587, 0.114])).round(2)
    out["gray"] = gray
    out["mirror_tile"] = np.hstack([img, np.fliplr(img)])[:, 4:8]
    out["transpose_eq"] = bool(np.array_equal(np.rot90(np.fliplr(img)), img.T[::-1, ::-1]))
    out["down2"] = img[::2, ::2]
    out["bgr"] = rgb[..., ::-1][0, :2]
    return out
