package io.sweepline.search.space;

/** {@code uniform}: U(min, max). Inferred when {@code min}/{@code max} are given and either is a float. */
public record Uniform(double min, double max) implements ContinuousDistribution {

    @Override
    public String wireName() {
        return "uniform";
    }

    @Override
    public Double ppf(double u) {
        return min + u * (max - min);
    }

    @Override
    public double cdfAt(double x) {
        return Numbers.clamp01((x - min) / (max - min));
    }
}
