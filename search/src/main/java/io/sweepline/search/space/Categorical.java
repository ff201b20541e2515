package io.sweepline.search.space;

import io.sweepline.search.value.PyValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code categorical}: one of {@code values}, uniformly by position (a value listed twice is twice as
 * likely, as in W&B), or by {@code probabilities} when given ({@code categorical_w_probabilities}).
 * In the Bayesian model a value encodes as its cumulative probability, {@code (index + 1) / n} when
 * uniform — W&B's encoding, extended to weighted categoricals.
 *
 * @param values        the choices, in the user's order
 * @param probabilities one weight per value summing to 1, or {@code null}
 */
public record Categorical(List<Object> values, List<Double> probabilities) implements Distribution {

    public Categorical {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        probabilities = probabilities == null ? null : List.copyOf(probabilities);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("categorical needs at least one value");
        }
        if (probabilities != null && probabilities.size() != values.size()) {
            throw new IllegalArgumentException("values and probabilities must have the same length, got "
                    + values.size() + " and " + probabilities.size());
        }
    }

    public boolean weighted() {
        return probabilities != null;
    }

    @Override
    public String wireName() {
        return weighted() ? "categorical_w_probabilities" : "categorical";
    }

    @Override
    public Object ppf(double u) {
        return values.get(indexAt(u));
    }

    /** The position drawn at quantile {@code u}. */
    public int indexAt(double u) {
        int n = values.size();
        if (!weighted()) {
            int k = (int) Math.ceil(u * n) - 1;
            return Math.max(0, Math.min(n - 1, k));
        }
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += probabilities.get(i);
            if (u < cumulative) {
                return i;
            }
        }
        return lastPositive();
    }

    private int lastPositive() {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (probabilities.get(i) > 0) {
                return i;
            }
        }
        return values.size() - 1;
    }

    @Override
    public double cdf(Object value) {
        int index = indexOf(value);
        if (!weighted()) {
            return (index + 1) / (double) values.size();
        }
        double cumulative = 0;
        for (int i = 0; i <= index; i++) {
            cumulative += probabilities.get(i);
        }
        return Math.min(1.0, cumulative);
    }

    /**
     * The first position holding {@code value} (Python equality: 1 equals 1.0).
     *
     * @throws IllegalArgumentException naming the value when it is not among the choices
     */
    public int indexOf(Object value) {
        for (int i = 0; i < values.size(); i++) {
            if (PyValues.equal(values.get(i), value)) {
                return i;
            }
        }
        throw new IllegalArgumentException(Numbers.describe(value) + " is not one of the values " + values);
    }
}
