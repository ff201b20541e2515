package io.sweepline.search.space;

/**
 * {@code int_uniform}: each integer of [min, max] equally likely. Inferred when {@code min} and
 * {@code max} are both integers. Quantile and CDF are those of scipy's {@code randint(min, max + 1)}.
 */
public record IntUniform(long min, long max) implements Distribution {

    @Override
    public String wireName() {
        return "int_uniform";
    }

    @Override
    public Long ppf(double u) {
        long n = max - min + 1;
        long k = (long) Math.ceil(u * n + min - 1);
        return Math.max(min, Math.min(max, k));
    }

    @Override
    public double cdf(Object value) {
        double x = Math.floor(Numbers.toDouble(value, wireName()));
        return Numbers.clamp01((x - min + 1) / (double) (max - min + 1));
    }
}
