-- Local accounts and their sign-in sessions. The user id is what a person signs up with.
CREATE TABLE account (
    user_id       TEXT PRIMARY KEY,
    -- Argon2id in the PHC string format: the parameters travel with the hash, so they can be raised later.
    password_hash TEXT        NOT NULL,
    admin         BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL
);

-- One row per sign-in; the token's jti names it, so signing out revokes that token at the gateway at once.
CREATE TABLE session (
    id         UUID PRIMARY KEY,
    user_id    TEXT        NOT NULL REFERENCES account (user_id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX session_by_user ON session (user_id);

ALTER TABLE conversation ADD COLUMN title TEXT;
