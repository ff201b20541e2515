package io.sweepline.cli;

import picocli.CommandLine.Option;

/** {@code --server URL}, defaulting to $SWEEPLINE_SERVER, then http://localhost:8080 (SPEC §5). */
final class ServerOption {

    @Option(names = "--server", paramLabel = "URL",
            description = "Sweepline server (default: $SWEEPLINE_SERVER, else http://localhost:8080).")
    String server;

    String url() {
        String url = server != null ? server : System.getenv("SWEEPLINE_SERVER");
        url = url == null || url.isBlank() ? "http://localhost:8080" : url.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    ApiClient client() {
        return new ApiClient(url(), System.getenv("SWEEPLINE_API_TOKEN"));
    }
}
