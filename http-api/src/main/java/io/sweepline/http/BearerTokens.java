package io.sweepline.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API tokens a server accepts ({@code server --tokens FILE}: one token per line, blank lines
 * and {@code #} comments ignored). With none, the API is open. Tokens are compared in constant time
 * so response timing does not reveal how much of a guess was right.
 */
public final class BearerTokens {

    /** Shorter tokens are refused when the file is read: they can be guessed. */
    static final int MIN_LENGTH = 16;

    private final List<byte[]> tokens;

    private BearerTokens(List<byte[]> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    public static BearerTokens none() {
        return new BearerTokens(List.of());
    }

    public static BearerTokens of(List<String> tokens) {
        List<byte[]> bytes = new ArrayList<>();
        for (String token : tokens) {
            if (token.length() < MIN_LENGTH || token.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("API tokens must be at least " + MIN_LENGTH
                        + " characters without spaces (one was " + token.length() + " characters)");
            }
            bytes.add(token.getBytes(StandardCharsets.UTF_8));
        }
        return new BearerTokens(bytes);
    }

    /** Reads a tokens file; an empty file is an error, not an open API. */
    public static BearerTokens read(Path file) {
        try {
            List<String> tokens = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no token (one per line)");
            }
            return of(tokens);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the tokens file " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean enabled() {
        return !tokens.isEmpty();
    }

    /** Whether an Authorization header value carries an accepted token. */
    boolean accepts(Optional<String> authorization) {
        if (!enabled()) {
            return true;
        }
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] offered = authorization.get().substring(7).strip().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : tokens) {
            match |= MessageDigest.isEqual(token, offered);
        }
        return match;
    }
}
