package io.sweepline.search.math;

/** A matrix that had to be positive definite was not (numerically), found at a pivot. */
public final class NotPositiveDefiniteException extends ArithmeticException {

    public NotPositiveDefiniteException(int row, double pivot) {
        super("matrix is not positive definite: pivot " + pivot + " at row " + row);
    }
}
