-- Conversations and their messages, per user.
CREATE TABLE conversation (
    id         UUID PRIMARY KEY,
    user_id    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX conversation_by_user ON conversation (user_id, updated_at DESC);

CREATE TABLE chat_message (
    id              BIGSERIAL PRIMARY KEY,
    conversation_id UUID        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    role            TEXT        NOT NULL CHECK (role IN ('USER', 'ASSISTANT')),
    content         TEXT        NOT NULL,
    -- The catalog ids of the tracks an assistant message named, so every name stays traceable.
    track_ids       JSONB       NOT NULL DEFAULT '[]',
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX chat_message_by_conversation ON chat_message (conversation_id, id);
