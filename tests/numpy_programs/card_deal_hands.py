"""Card shuffles: deal hands with permutation, count suits and pairs, riffle shuffle."""
import numpy as np


def main():
    rng = np.random.default_rng(52)
    deck = np.arange(52)
    suits = deck // 13
    ranks = deck % 13
    shuffled = rng.permutation(deck)
    hands = shuffled[:20].reshape(4, 5)
    hand_suits = suits[hands]
    hand_ranks = ranks[hands]
    suit_counts = np.stack([np.bincount(h, minlength=4) for h in hand_suits])
    flushes = np.any(suit_counts == 5, axis=1)
    pair_counts = np.array([np.sum(np.bincount(r, minlength=13) == 2) for r in hand_ranks])
    drawn = rng.choice(52, size=7, replace=False)
    with_replacement = rng.choice(deck, size=10)
    # perfect riffle shuffle: 8 out-shuffles restore the deck
    d = deck.copy()
    for i in range(8):
        top, bottom = d[:26], d[26:]
        d = np.empty_like(d)
        d[0::2] = top
        d[1::2] = bottom
        if i == 0:
            first_riffle = d[:10].copy()
    restored = np.array_equal(d, deck)
    names = np.array(list("A23456789TJQK"))
    labels = [names[r] + "shdc"[s] for r, s in zip(hand_ranks[0], hand_suits[0])]
    in_place = deck.copy()
    rng.shuffle(in_place)
    fixed_points = int(np.sum(in_place == deck))
    return {
        "hands": hands,
        "suit_counts": suit_counts,
        "flushes": flushes,
        "pairs": pair_counts,
        "drawn": drawn,
        "with_replacement": with_replacement,
        "first_riffle": first_riffle,
        "restored": restored,
        "labels": " ".join(labels),
        "in_place": in_place[:13],
        "fixed_points": fixed_points,
    }
