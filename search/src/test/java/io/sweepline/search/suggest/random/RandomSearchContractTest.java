package io.sweepline.search.suggest.random;

import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.SearchMethodContract;
import java.util.List;

class RandomSearchContractTest extends SearchMethodContract {

    @Override
    protected SearchMethod method() {
        return new RandomSearch();
    }

    @Override
    protected List<SweepConfig> configs() {
        return List.of(
                config("""
                        method: random
                        parameters:
                          c: {value: [1, 2]}
                          cat: {values: [a, 1, 2.5, null, true]}
                          catp: {values: [x, y, z], probabilities: [0.2, 0.0, 0.8]}
                          iu: {min: -3, max: 3}
                          u: {min: -1.5, max: 2}
                          qu: {distribution: q_uniform, min: 0, max: 11, q: 3}
                          lu: {distribution: log_uniform_values, min: 1e-5, max: 0.1}
                          qlu: {distribution: q_log_uniform_values, min: 1, max: 1000, q: 2.5}
                          dlu: {distribution: log_uniform, min: -9, max: -2}
                          ilu: {distribution: inv_log_uniform_values, min: 0.01, max: 10}
                          dilu: {distribution: inv_log_uniform, min: 1, max: 4}
                        """),
                config("""
                        method: random
                        metric: {name: val/loss}
                        parameters:
                          n: {distribution: normal, mu: 3, sigma: 2}
                          qn: {distribution: q_normal, q: 0.5}
                          ln: {distribution: log_normal, mu: -1, sigma: 0.5}
                          qln: {distribution: q_log_normal, mu: 2, sigma: 1, q: 4}
                          b: {distribution: beta, a: 0.5, b: 2}
                          qb: {distribution: q_beta, q: 0.25}
                          z: {distribution: normal, mu: 1, sigma: 0}
                        """),
                config("""
                        method: random
                        parameters:
                          model:
                            parameters:
                              width: {min: 8, max: 64}
                              opt:
                                parameters:
                                  lr: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
                          top: {values: [1]}
                        """));
    }
}
