package io.sweepline.search.suggest.grid;

import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.SearchMethodContract;
import java.util.List;

class GridSearchContractTest extends SearchMethodContract {

    @Override
    protected SearchMethod method() {
        return new GridSearch();
    }

    @Override
    protected List<SweepConfig> configs() {
        return List.of(
                config("""
                        method: grid
                        parameters:
                          opt: {values: [adam, sgd]}
                          layers: {min: 1, max: 4}
                          seed: {value: 7}
                        """),
                config("""
                        method: grid
                        parameters:
                          lr: {distribution: q_uniform, min: 0.0, max: 0.5, q: 0.1}
                          bs: {distribution: q_uniform, min: 8, max: 64, q: 8}
                          eps: {distribution: q_uniform, min: 0, max: 3}
                        """),
                config("""
                        method: grid
                        metric: {name: acc, goal: maximize}
                        parameters:
                          a: {values: [1, 1.0, true, null, [1, 2], {k: 1}]}
                          model:
                            parameters:
                              width: {values: [8, 16]}
                              act: {value: relu}
                        """));
    }
}
