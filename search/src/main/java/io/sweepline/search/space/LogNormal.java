package io.sweepline.search.space;

/** {@code log_normal}: log(X) ~ N(mu, sigma²) (scipy's {@code lognorm(s=sigma, scale=exp(mu))}). */
public record LogNormal(double mu, double sigma) implements ContinuousDistribution {

    @Override
    public String wireName() {
        return "log_normal";
    }

    @Override
    public Double ppf(double u) {
        return Math.exp(mu + sigma * Normal.standardPpf(u));
    }

    @Override
    public double cdfAt(double x) {
        if (x <= 0) {
            return 0.0;
        }
        if (sigma == 0) {
            return Math.log(x) < mu ? 0.0 : 1.0;
        }
        return Normal.standardCdf((Math.log(x) - mu) / sigma);
    }

    @Override
    public boolean closedSupport() {
        return false;
    }
}
