package io.spotifymate.model.ranking;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Implicit alternating least squares (Hu, Koren and Volinsky, 2008), solved with a few conjugate-gradient steps per
 * row from the previous solution (Takács, Pilászy and Tikk, 2011) instead of a Cholesky factorisation: every
 * (user, item) pair is a target, 1 for played with confidence {@code 1 + alpha * log(1 + plays / epsilon)} and 0 with
 * confidence 1 for all others, plus an L2 penalty {@code lambda}. Rendle et al. (2021) show these must be tuned
 * together; the comparison does so on the validation split.
 */
public final class Ials implements Recommender {

    private final int factors;
    private final double alpha;
    private final double epsilon;
    private final double lambda;
    private final int epochs;
    private final int cgSteps;
    private final long seed;

    public Ials(int factors, double alpha, double epsilon, double lambda, int epochs, long seed) {
        if (factors < 1 || alpha <= 0 || epsilon <= 0 || lambda < 0 || epochs < 1) {
            throw new IllegalArgumentException("iALS needs factors, alpha, epsilon and epochs > 0 and lambda >= 0");
        }
        this.factors = factors;
        this.alpha = alpha;
        this.epsilon = epsilon;
        this.lambda = lambda;
        this.epochs = epochs;
        this.cgSteps = 3;
        this.seed = seed;
    }

    @Override
    public String kind() {
        return "ials";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of(
                "factors", factors,
                "alpha", alpha,
                "epsilon", epsilon,
                "lambda", lambda,
                "epochs", epochs,
                "cgSteps", cgSteps,
                "seed", seed);
    }

    @Override
    public Recommender reseeded(long newSeed) {
        return new Ials(factors, alpha, epsilon, lambda, epochs, newSeed);
    }

    @Override
    public FactorScorer fit(Interactions train) {
        return train(train).scorer();
    }

    /** The fitted user and item factors. */
    public Factors train(Interactions train) {
        int d = factors;
        float[] users = randomFactors(train.users(), d, seed);
        float[] items = randomFactors(train.items(), d, seed + 1);
        Interactions.Columns columns = train.columns();
        float[] userConfidence = confidences(train.size(), p -> train.strength(p));
        float[] itemConfidence = confidences(train.size(), p -> columns.strengths()[p]);
        for (int epoch = 0; epoch < epochs; epoch++) {
            double[] itemGram = gram(items, train.items(), d);
            IntStream.range(0, train.users())
                    .parallel()
                    .forEach(u -> solve(
                            users,
                            u,
                            items,
                            itemGram,
                            train.start(u),
                            train.end(u),
                            pos -> train.item(pos),
                            userConfidence));
            double[] userGram = gram(users, train.users(), d);
            IntStream.range(0, train.items())
                    .parallel()
                    .forEach(i -> solve(
                            items,
                            i,
                            users,
                            userGram,
                            columns.start(i),
                            columns.end(i),
                            pos -> columns.users()[pos],
                            itemConfidence));
        }
        return new Factors(users, items, d);
    }

    private float[] confidences(int size, java.util.function.IntToDoubleFunction strength) {
        float[] confidence = new float[size];
        for (int p = 0; p < size; p++) {
            confidence[p] = (float) (1 + alpha * Math.log1p(strength.applyAsDouble(p) / epsilon));
        }
        return confidence;
    }

    /**
     * Conjugate-gradient steps on {@code (G + sum (c - 1) y y' + lambda I) x = sum c y} for one row, where G is the
     * Gram matrix of the other side's factors and the sums run over the row's interactions.
     */
    private void solve(
            float[] self,
            int row,
            float[] other,
            double[] gram,
            int from,
            int to,
            java.util.function.IntUnaryOperator partner,
            float[] confidence) {
        int d = factors;
        int base = row * d;
        double[] x = new double[d];
        for (int f = 0; f < d; f++) {
            x[f] = self[base + f];
        }
        double[] r = new double[d];
        multiply(gram, x, r, d);
        for (int f = 0; f < d; f++) {
            r[f] = -r[f] - lambda * x[f];
        }
        for (int p = from; p < to; p++) {
            int o = partner.applyAsInt(p) * d;
            double c = confidence[p];
            double dot = 0;
            for (int f = 0; f < d; f++) {
                dot += other[o + f] * x[f];
            }
            double weight = c - (c - 1) * dot;
            for (int f = 0; f < d; f++) {
                r[f] += weight * other[o + f];
            }
        }
        double[] dir = r.clone();
        double rr = dot(r, r);
        double[] ad = new double[d];
        for (int step = 0; step < cgSteps && rr > 1e-12; step++) {
            multiply(gram, dir, ad, d);
            for (int f = 0; f < d; f++) {
                ad[f] += lambda * dir[f];
            }
            for (int p = from; p < to; p++) {
                int o = partner.applyAsInt(p) * d;
                double dot = 0;
                for (int f = 0; f < d; f++) {
                    dot += other[o + f] * dir[f];
                }
                double weight = (confidence[p] - 1) * dot;
                for (int f = 0; f < d; f++) {
                    ad[f] += weight * other[o + f];
                }
            }
            double a = rr / dot(dir, ad);
            for (int f = 0; f < d; f++) {
                x[f] += a * dir[f];
                r[f] -= a * ad[f];
            }
            double next = dot(r, r);
            for (int f = 0; f < d; f++) {
                dir[f] = r[f] + next / rr * dir[f];
            }
            rr = next;
        }
        for (int f = 0; f < d; f++) {
            self[base + f] = (float) x[f];
        }
    }

    static double[] gram(float[] factors, int rows, int d) {
        double[] gram = new double[d * d];
        for (int row = 0; row < rows; row++) {
            int base = row * d;
            for (int a = 0; a < d; a++) {
                double value = factors[base + a];
                if (value == 0) {
                    continue;
                }
                for (int b = a; b < d; b++) {
                    gram[a * d + b] += value * factors[base + b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                gram[a * d + b] = gram[b * d + a];
            }
        }
        return gram;
    }

    private static void multiply(double[] matrix, double[] vector, double[] out, int d) {
        for (int a = 0; a < d; a++) {
            double sum = 0;
            for (int b = 0; b < d; b++) {
                sum += matrix[a * d + b] * vector[b];
            }
            out[a] = sum;
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static float[] randomFactors(int rows, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] factors = new float[rows * d];
        double scale = 0.1 / Math.sqrt(d);
        for (int i = 0; i < factors.length; i++) {
            factors[i] = (float) (random.nextGaussian() * scale);
        }
        return factors;
    }
}
