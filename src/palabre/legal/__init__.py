"""A French publisher's duties: moderation modes (loi de 1982, art. 93-3), article controls,
notices (DSA art. 16), statements of reasons (art. 17), appeals (art. 20), transparency."""
