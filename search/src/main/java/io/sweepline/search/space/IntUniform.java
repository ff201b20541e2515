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
        // In doubles: max - min + 1 overflows a long for ranges near the whole long range.
        double n = (double) max - (double) min + 1.0;
        double k = Math.ceil(u * n + (double) min - 1.0);
        if (k <= min) {
            return min;
        }
        return k >= max ? max : (long) k;
    }

    @Override
    public double cdf(Object value) {
        double x = Math.floor(Numbers.toDouble(value, wireName()));
        return Numbers.clamp01((x - (double) min + 1.0) / ((double) max - (double) min + 1.0));
    }
}
