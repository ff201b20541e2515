package io.sweepline.cli;

import io.sweepline.http.BearerTokens;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --tokens FILE} for the commands that serve the HTTP API. */
final class TokensOption {

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "Require one of these API tokens (one per line) as Authorization: Bearer TOKEN.")
    Path tokens;

    BearerTokens read() {
        return tokens == null ? BearerTokens.none() : BearerTokens.read(tokens);
    }
}
