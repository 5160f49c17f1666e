"""Language-quality helpers for the `orthographe` detector (Grammalecte-based)."""
