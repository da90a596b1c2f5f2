package io.spotifymate.chat.service;

import io.spotifymate.chat.ChatReply.Intent;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The first rules of the offline engine: does the message ask for music? Moods, genres, artists and refinements come
 * with the full conversation engine; until then anything that is not a request for music gets help.
 */
public final class IntentDetector {

    private static final Pattern WANTS_MUSIC = Pattern.compile(
            "\\b(recommend\\w*|suggest\\w*|something|anything|play|music|songs?|tracks?|listen\\w*|discover\\w*|"
                    + "what should i)\\b");

    public Intent detect(String message) {
        return WANTS_MUSIC.matcher(message.toLowerCase(Locale.ROOT)).find() ? Intent.RECOMMEND : Intent.HELP;
    }
}
