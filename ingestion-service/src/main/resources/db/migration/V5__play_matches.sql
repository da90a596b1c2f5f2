-- How a history import's plays found their track: by the file's id, by name in the catalog, or kept under a local id.
ALTER TABLE import_job ADD COLUMN play_matches JSONB NOT NULL DEFAULT '{}';
