package io.spotifymate.model;

/** Text for the small HTML reports this service writes. */
public final class Html {

    private Html() {}

    /** The text with HTML's special characters escaped, for element content and attribute values. */
    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
