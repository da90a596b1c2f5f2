-- Users' playlists: what was asked for (the constraints, kept so a playlist can be refreshed) and the tracks in order,
-- each with what it was picked for. A track appears once per playlist.
CREATE TABLE playlist (
    id uuid PRIMARY KEY,
    user_id varchar(128) NOT NULL,
    name varchar(200) NOT NULL,
    description varchar(1000),
    spec jsonb NOT NULL,
    model_version varchar(64),
    spotify_playlist_id varchar(64),
    spotify_exported_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL DEFAULT 0
);

CREATE INDEX playlist_by_user ON playlist (user_id, updated_at DESC);

CREATE TABLE playlist_track (
    id bigserial PRIMARY KEY,
    playlist_id uuid NOT NULL REFERENCES playlist (id) ON DELETE CASCADE,
    position integer NOT NULL,
    track_id varchar(512) NOT NULL,
    name varchar(500),
    artist_name varchar(500),
    duration_ms integer,
    energy double precision,
    reason varchar(2000),
    UNIQUE (playlist_id, track_id)
);

CREATE INDEX playlist_track_in_order ON playlist_track (playlist_id, position);
