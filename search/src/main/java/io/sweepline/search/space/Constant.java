package io.sweepline.search.space;

/** {@code value: v} — always {@code v}. Encodes as 0 in the Bayesian model (it carries no information). */
public record Constant(Object value) implements Distribution {

    @Override
    public String wireName() {
        return "constant";
    }

    @Override
    public Object ppf(double u) {
        return value;
    }

    @Override
    public double cdf(Object ignored) {
        return 0.0;
    }
}
