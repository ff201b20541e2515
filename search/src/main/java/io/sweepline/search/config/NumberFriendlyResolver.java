package io.sweepline.search.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML 1.1 resolution as PyYAML does it, except that exponent floats without a dot ({@code 1e-5},
 * {@code 3E+2}) are numbers. PyYAML reads them as strings, which makes W&B's engine crash on
 * {@code min: 1e-5}; users mean the number (see conformance case v20).
 */
final class NumberFriendlyResolver extends Resolver {

    private static final Pattern FLOAT = Pattern.compile(
            "^([-+]?(\\.[0-9]+|[0-9][0-9_]*\\.[0-9_]*)([eE][-+]?[0-9]+)?"
                    // without a dot only with an exponent: 08 stays the string '08', as in PyYAML
                    + "|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(?:inf|Inf|INF)"
                    + "|\\.(?:nan|NaN|NAN))$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
        // INT before FLOAT so that plain integers stay integers; FLOAT then also takes 1e-5.
        addImplicitResolver(Tag.INT, INT, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE, "<");
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
        addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789");
    }
}
