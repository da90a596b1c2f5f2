package io.spotifymate.chat.account;

/** A sign-up or sign-in refused, with the status and the message the person sees. */
public class SignInException extends RuntimeException {

    private final int status;
    private final String field;

    public SignInException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    /** The request field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
