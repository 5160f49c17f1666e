"""Training and evaluation of the learned moderation model (issue 4).

Only `fit.py` (and the TF-IDF baseline in `eval/model_eval.py`) need scikit-learn, imported
lazily: install the `train` extra to retrain. Nothing here runs at inference time."""
