-- Import jobs: one uploaded file (or archive) each, with its progress and what became of its rows.
CREATE TABLE import_job (
    id                UUID PRIMARY KEY,
    user_id           TEXT        NOT NULL,
    file_name         TEXT        NOT NULL,
    file_bytes        BIGINT      NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    formats           JSONB       NOT NULL DEFAULT '[]',
    total_rows        BIGINT,
    rows_read         BIGINT      NOT NULL DEFAULT 0,
    accepted          BIGINT      NOT NULL DEFAULT 0,
    rejected          BIGINT      NOT NULL DEFAULT 0,
    skipped           JSONB       NOT NULL DEFAULT '{}',
    -- The first rejections, each with its file and row, so a user can fix the input.
    rejections        JSONB       NOT NULL DEFAULT '[]',
    ignored_files     JSONB       NOT NULL DEFAULT '[]',
    error             TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ
);
CREATE INDEX import_job_by_user ON import_job (user_id, created_at DESC);
