package io.sweepline.search.suggest.bayes;

import io.sweepline.search.space.ContinuousDistribution;
import io.sweepline.search.space.Distribution;
import io.sweepline.search.space.Parameter;
import io.sweepline.search.space.Quantized;
import java.util.List;

/**
 * Maps points of the model's input space [0, 1]^d to values and back. Discrete parameters
 * (categoricals, integers, {@code q_*} laws) only take the encodings of their values, so a point is
 * snapped to the encoding of the value it decodes to before the acquisition judges it: two points
 * that would run the same trial are one point, and a point next to a tried value is that value
 * (Garrido-Merchán and Hernández-Lobato's treatment of integer-valued inputs).
 */
final class InputLattice {

    /** How far inside [0, 1] a point is moved where a law's support is open (the normal's ±∞, the log-normal's 0). */
    private static final double EDGE = 1e-9;

    private final List<Parameter> parameters;
    private final boolean[] discrete;

    InputLattice(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        this.discrete = new boolean[parameters.size()];
        for (int j = 0; j < discrete.length; j++) {
            discrete[j] = !(parameters.get(j).distribution() instanceof ContinuousDistribution);
        }
    }

    int dimensions() {
        return discrete.length;
    }

    /** The point every point decoding to the same values maps to (a copy; continuous coordinates kept). */
    double[] snap(double[] u) {
        double[] snapped = u.clone();
        for (int j = 0; j < snapped.length; j++) {
            if (discrete[j]) {
                Distribution law = parameters.get(j).distribution();
                snapped[j] = law.cdf(valueAt(law, u[j]));
            }
        }
        return snapped;
    }

    /** The parameter values at a point, one per searchable parameter, in order. */
    Object[] decode(double[] u) {
        Object[] values = new Object[u.length];
        for (int j = 0; j < u.length; j++) {
            values[j] = valueAt(parameters.get(j).distribution(), u[j]);
        }
        return values;
    }

    /** The law's value at u; at the very ends of a law whose support is open there, the value just inside. */
    private static Object valueAt(Distribution law, double u) {
        ContinuousDistribution base = law instanceof ContinuousDistribution c ? c
                : law instanceof Quantized q ? q.base() : null;
        if (base != null && !base.closedSupport()) {
            return law.ppf(Math.min(1 - EDGE, Math.max(EDGE, u)));
        }
        return law.ppf(u);
    }
}
