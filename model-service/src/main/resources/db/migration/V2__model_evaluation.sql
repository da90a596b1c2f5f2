-- What each version was trained and judged on: the normalisation of its features, the window of plays it saw, the
-- split it was evaluated on, and the baselines' metrics on that same split (the promotion gate's evidence).
ALTER TABLE model_version
    ADD COLUMN normalisation_id TEXT,
    ADD COLUMN training_from    TIMESTAMPTZ,
    ADD COLUMN training_to      TIMESTAMPTZ,
    ADD COLUMN evaluation       TEXT,
    ADD COLUMN baseline_metrics JSONB NOT NULL DEFAULT '{}';
