package io.sweepline.search.realconfigs;

import io.sweepline.search.config.ConfigParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 119 sweep configs from public repositories in shared/real-configs, with W&B's verdicts. They
 * stay in shared/ (never copied into the repo); tests that use them skip, saying why, when the
 * folder is absent. The folder is found through the {@code sweepline.shared} system property (set
 * by the build) or ../shared next to the repository.
 */
public final class RealConfigs {

    /** A config W&B runs: its validator accepts it, or its hosted service would run it with warnings. */
    public record Entry(String file, Path path, boolean acceptedByEngine) {
        public String text() {
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private RealConfigs() {
    }

    public static Optional<Path> folder() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("sweepline.shared");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property, "real-configs"));
        }
        candidates.add(Path.of("..", "shared", "real-configs"));
        candidates.add(Path.of("..", "..", "shared", "real-configs"));
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("verdicts.json"))).findFirst()
                .map(Path::toAbsolutePath).map(Path::normalize);
    }

    /** Every config marked accepted or cloud_emulation_first_suggestion_ok; empty when the folder is absent. */
    @SuppressWarnings("unchecked")
    public static List<Entry> runnable() {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) {
            return List.of();
        }
        try {
            String json = Files.readString(folder.get().resolve("verdicts.json"), StandardCharsets.UTF_8);
            var verdicts = (Map<String, Object>) new ConfigParser(new ConfigParser.Limits(50_000_000, 0, 100)).parse(json);
            List<Entry> entries = new ArrayList<>();
            for (var e : verdicts.entrySet()) {
                var v = (Map<String, Object>) e.getValue();
                boolean accepted = Boolean.TRUE.equals(v.get("accepted"));
                if (accepted || Boolean.TRUE.equals(v.get("cloud_emulation_first_suggestion_ok"))) {
                    entries.add(new Entry(e.getKey(), folder.get().resolve(e.getKey()), accepted));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
