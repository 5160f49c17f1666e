"""Training and evaluation of the learned moderation model (issue 4), behind the `train` extra.

Only `fit.py` (and the TF-IDF baseline in `eval/model_eval.py`) need scikit-learn, imported
lazily: install the `train` extra to retrain. Nothing here runs at inference time: the engine
(`palabre.moderation`) and every other runtime part never import this package, and the CLI
imports it only inside `palabre train` (import contracts in pyproject.toml)."""
