package io.spotifymate.chat.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Which language model the chat uses, if any. With {@code provider = none} (the default) the offline engine answers
 * everything; {@code openai} talks to OpenAI with an API key from the environment; {@code openai-compatible} to any
 * server speaking the same chat-completions protocol (Ollama's /v1, llama.cpp server, vLLM, LM Studio).
 */
@ConfigMapping(prefix = "spotifymate.chat.llm")
public interface LlmConfig {

    enum Provider {
        NONE,
        OPENAI,
        OPENAI_COMPATIBLE
    }

    @WithDefault("none")
    String provider();

    /** The server's base URL, up to and including /v1; OpenAI's own for {@code openai}. */
    Optional<String> baseUrl();

    Optional<String> apiKey();

    @WithDefault("gpt-4o-mini")
    String model();

    @WithDefault("0.3")
    double temperature();

    /** How long the model may take to start answering (or call a tool) before the offline engine answers. */
    @WithDefault("PT15S")
    Duration firstTokenTimeout();

    /** How long one whole answer may take. */
    @WithDefault("PT60S")
    Duration answerTimeout();

    /** Attempts after a failure that happened before anything was said or done. */
    @WithDefault("1")
    int retries();

    default Provider providerKind() {
        return switch (provider().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "", "none", "offline" -> Provider.NONE;
            case "openai" -> Provider.OPENAI;
            case "openai-compatible", "ollama", "llama.cpp", "vllm", "lmstudio" -> Provider.OPENAI_COMPATIBLE;
            default ->
                throw new IllegalArgumentException("spotifymate.chat.llm.provider must be none, openai or "
                        + "openai-compatible, got '" + provider() + "'");
        };
    }
}
