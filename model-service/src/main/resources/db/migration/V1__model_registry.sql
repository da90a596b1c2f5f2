-- The model registry: every trained version, its metrics, its artifact and why it was or was not promoted.
CREATE TABLE model_version (
    id                     BIGSERIAL PRIMARY KEY,
    model_name             TEXT        NOT NULL,
    kind                   TEXT        NOT NULL,
    status                 TEXT        NOT NULL CHECK (status IN ('CANDIDATE', 'PROMOTED', 'REJECTED', 'RETIRED')),
    status_reason          TEXT,
    hyperparameters        JSONB       NOT NULL DEFAULT '{}',
    metrics                JSONB       NOT NULL DEFAULT '{}',
    feature_schema_version INTEGER     NOT NULL,
    artifact               BYTEA       NOT NULL,
    artifact_sha256        CHAR(64)    NOT NULL,
    trained_at             TIMESTAMPTZ NOT NULL,
    promoted_at            TIMESTAMPTZ,
    -- Set once model.published.v1 has the promotion; a promoted row without it is re-sent (outbox).
    published_at           TIMESTAMPTZ
);

CREATE INDEX model_version_by_name_status ON model_version (model_name, status);
-- At most one promoted version per serving slot.
CREATE UNIQUE INDEX model_version_one_promoted ON model_version (model_name) WHERE status = 'PROMOTED';
