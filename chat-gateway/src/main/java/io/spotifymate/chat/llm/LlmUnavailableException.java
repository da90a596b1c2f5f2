package io.spotifymate.chat.llm;

/** The language model gave no answer (unreachable, failed, or too slow) before it said or did anything. */
public class LlmUnavailableException extends Exception {

    public LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
