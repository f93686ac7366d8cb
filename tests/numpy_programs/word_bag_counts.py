"""Bag-of-words: a vocabulary with np.unique, counts with np.bincount, tf-idf scores."""
import numpy as np

DOCS = [
    "the cat sat on the mat",
    "the dog sat on the log",
    "cats and dogs are friends",
    "the mat was red and the log was brown",
    "a dog and a cat on a mat",
]


def main():
    tokens = [d.split() for d in DOCS]
    flat = np.array([w for doc in tokens for w in doc])
    doc_id = np.repeat(np.arange(len(DOCS)), [len(t) for t in tokens])
    vocab, inverse, counts = np.unique(flat, return_inverse=True, return_counts=True)
    n_docs, n_words = len(DOCS), vocab.size
    tf = np.zeros((n_docs, n_words), dtype=np.int64)
    np.add.at(tf, (doc_id, inverse), 1)
    # the same counts through one bincount over a flattened (doc, word) code
    codes = doc_id * n_words + inverse
    tf2 = np.bincount(codes, minlength=n_docs * n_words).reshape(n_docs, n_words)
    df = np.count_nonzero(tf, axis=0)
    idf = np.log((1 + n_docs) / (1 + df)) + 1.0
    tfidf = tf * idf
    tfidf = tfidf / np.linalg.norm(tfidf, axis=1, keepdims=True)
    sim = tfidf @ tfidf.T
    np.fill_diagonal(sim, -1.0)
    best_pair = np.unravel_index(np.argmax(sim), sim.shape)
    top = np.argsort(counts, kind="stable")[::-1][:4]
    doc_len = np.bincount(doc_id)
    lengths = np.array([len(w) for w in vocab])
    long_words = vocab[lengths >= 5]
    return {
        "vocab_size": n_words,
        "top_words": vocab[top],
        "top_counts": counts[top],
        "same_counts": np.array_equal(tf, tf2),
        "df": df,
        "idf": idf,
        "sim_row0": sim[0],
        "best_pair": np.array(best_pair),
        "doc_len": doc_len,
        "long_words": long_words,
        "word_of_max_idf": vocab[np.argmax(idf)],
    }
