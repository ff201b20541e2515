package io.sweepline.search.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyTest {

    /** A random symmetric positive definite matrix: B Bᵀ + n I. */
    private static double[] spd(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextDouble(-1, 1);
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? n : 0;
                for (int k = 0; k < n; k++) {
                    s += b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }

    private static double[] times(double[] a, double[] x, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                y[i] += a[i * n + j] * x[j];
            }
        }
        return y;
    }

    @Test
    void factorTimesItsTransposeIsTheMatrix() {
        int n = 9;
        double[] a = spd(n, 1);
        Cholesky c = Cholesky.factor(a, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += c.at(i, k) * c.at(j, k);
                }
                assertEquals(a[i * n + j], s, 1e-9, "(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void solveInverseAndLogDeterminantAgree() {
        int n = 12;
        double[] a = spd(n, 2);
        Cholesky c = Cholesky.factor(a, n);
        double[] b = new SplittableRandom(3).doubles(n, -1, 1).toArray();
        double[] x = b.clone();
        c.solve(x);
        double[] back = times(a, x, n);
        for (int i = 0; i < n; i++) {
            assertEquals(b[i], back[i], 1e-9);
        }
        double[] inverse = c.inverse();
        double[] viaInverse = times(inverse, b, n);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], viaInverse[i], 1e-9);
        }
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            logDet += 2 * Math.log(c.at(i, i));
        }
        assertEquals(logDet, c.logDeterminant(), 1e-12);
    }

    @Test
    void solvingManyRightHandSidesMatchesSolvingEachAlone() {
        int n = 10;
        Cholesky c = Cholesky.factor(spd(n, 4), n);
        SplittableRandom random = new SplittableRandom(5);
        double[][] rows = new double[n][7];
        for (double[] row : rows) {
            for (int k = 0; k < row.length; k++) {
                row[k] = random.nextDouble(-1, 1);
            }
        }
        for (int col = 0; col < 7; col++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = rows[i][col];
            }
            c.solveLower(column);
            double[][] copy = new double[n][];
            for (int i = 0; i < n; i++) {
                copy[i] = rows[i].clone();
            }
            c.solveLowerMany(copy);
            for (int i = 0; i < n; i++) {
                assertEquals(column[i], copy[i][col], 1e-12);
            }
        }
    }

    @Test
    void extendingAFactorEqualsFactoringTheGrownMatrix() {
        int n = 8;
        int m = 3;
        double[] big = spd(n + m, 6);
        double[] small = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(big, i * (n + m), small, i * n, n);
        }
        double[] cross = new double[m * n];
        double[] block = new double[m * m];
        for (int p = 0; p < m; p++) {
            System.arraycopy(big, (n + p) * (n + m), cross, p * n, n);
            System.arraycopy(big, (n + p) * (n + m) + n, block, p * m, m);
        }
        Cholesky grown = Cholesky.factor(small, n).extend(cross, block, m);
        Cholesky direct = Cholesky.factor(big, n + m);
        for (int i = 0; i < n + m; i++) {
            for (int j = 0; j <= i; j++) {
                assertEquals(direct.at(i, j), grown.at(i, j), 1e-10);
            }
        }
    }

    @Test
    void rejectsAMatrixThatIsNotPositiveDefinite() {
        double[] a = {1, 2, 2, 1};
        assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.factor(a, 2));
    }
}
