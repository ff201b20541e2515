package io.sweepline.search.space;

import java.util.List;
import java.util.Objects;

/**
 * One leaf of a search space: a parameter and its law. {@code path} has one name for a top-level
 * parameter and several for a parameter inside nested {@code parameters:} blocks
 * ({@code [model, opt, lr]}); names may themselves contain dots ({@code trainer.max_epochs}).
 *
 * @param path         names from the top level down to this leaf
 * @param distribution its law
 */
public record Parameter(List<String> path, Distribution distribution) {

    public Parameter {
        path = List.copyOf(path);
        Objects.requireNonNull(distribution, "distribution");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
    }

    /** The dotted form for messages and displays: {@code model.opt.lr}. */
    public String displayName() {
        return String.join(".", path);
    }

    public String topLevelName() {
        return path.get(0);
    }
}
