-- Logins under way: the PKCE verifier waits here (encrypted) between the redirect to Spotify and the callback.
CREATE TABLE spotify_login (
    state          TEXT PRIMARY KEY,
    user_id        TEXT        NOT NULL,
    code_verifier  TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

-- A user's connected Spotify account. Tokens are AES-GCM encrypted with a key from the environment.
CREATE TABLE spotify_connection (
    user_id               TEXT PRIMARY KEY,
    access_token          TEXT        NOT NULL,
    refresh_token         TEXT        NOT NULL,
    expires_at            TIMESTAMPTZ NOT NULL,
    scope                 TEXT,
    connected_at          TIMESTAMPTZ NOT NULL,
    -- The recently-played cursor: Unix milliseconds of the newest play already published.
    recently_played_after BIGINT,
    backfilled_at         TIMESTAMPTZ,
    last_sync_at          TIMESTAMPTZ,
    last_sync_error       TEXT
);

-- How far a user's imported export files reach: recently played tracks up to here are in the export already.
CREATE TABLE history_coverage (
    user_id         TEXT PRIMARY KEY,
    exported_until  TIMESTAMPTZ NOT NULL
);
