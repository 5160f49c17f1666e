"""The charter moderation engine: detectors find, `decide()` decides."""
