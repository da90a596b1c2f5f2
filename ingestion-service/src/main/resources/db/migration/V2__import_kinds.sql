-- Catalog and dataset imports (Million Playlist Dataset slices, Last.fm HetRec) belong to no user.
ALTER TABLE import_job ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE import_job ADD COLUMN kind TEXT NOT NULL DEFAULT 'LISTENING_HISTORY'
    CHECK (kind IN ('LISTENING_HISTORY', 'CATALOG_CSV', 'MPD_SLICES', 'LASTFM_HETREC'));
ALTER TABLE import_job ALTER COLUMN kind DROP DEFAULT;
CREATE INDEX import_job_by_kind ON import_job (kind, created_at DESC);
