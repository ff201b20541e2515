package io.sweepline.search.suggest;

import io.sweepline.search.config.Method;
import io.sweepline.search.suggest.bayes.BayesSearch;
import io.sweepline.search.suggest.grid.GridSearch;
import io.sweepline.search.suggest.random.RandomSearch;

/** The method implementation for a config's {@code method:}. */
public final class SearchMethods {

    private SearchMethods() {
    }

    public static SearchMethod forMethod(Method method) {
        return switch (method) {
            case GRID -> new GridSearch();
            case RANDOM -> new RandomSearch();
            case BAYES -> new BayesSearch();
        };
    }
}
