-- Catalog cells that held no valid value, counted per column header; their total stays in skipped.UNREADABLE_CELLS.
ALTER TABLE import_job ADD COLUMN unreadable_cells JSONB NOT NULL DEFAULT '{}';
