package io.sweepline.search.suggest.bayes;

import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.SearchMethodContract;
import java.util.List;

class BayesSearchContractTest extends SearchMethodContract {

    @Override
    protected SearchMethod method() {
        return new BayesSearch();
    }

    @Override
    protected List<SweepConfig> configs() {
        return List.of(
                config("""
                        method: bayes
                        metric: {name: loss, goal: minimize}
                        parameters:
                          lr: {distribution: log_uniform_values, min: 1e-5, max: 0.1}
                          layers: {min: 1, max: 8}
                          opt: {values: [adam, sgd, rmsprop]}
                          dropout: {distribution: q_uniform, min: 0, max: 0.5, q: 0.05}
                          fixed: {value: 3}
                        """),
                config("""
                        method: bayes
                        metric: {name: acc, goal: maximize, target: 0.99}
                        parameters:
                          w: {values: [a, b], probabilities: [0.3, 0.7]}
                          m: {distribution: normal, mu: 0.9, sigma: 0.05}
                          beta1: {distribution: beta, a: 2, b: 5}
                          model:
                            parameters:
                              width: {distribution: q_log_uniform_values, min: 16, max: 1024, q: 16}
                        """));
    }
}
