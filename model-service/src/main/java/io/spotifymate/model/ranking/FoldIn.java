package io.spotifymate.model.ranking;

/**
 * A user vector for someone the model was not trained on, against its fixed item vectors: the iALS user step,
 * {@code (Y'Y + sum (c - 1) y y' + lambda I) x = sum c y} over the items they played with confidence
 * {@code c = 1 + alpha log(1 + strength / epsilon)}, solved exactly (a d × d system). A new listener's first plays
 * thus give them personal scores within a moment, without a retrain.
 */
public final class FoldIn {

    /** The confidence weight for models that were not trained with one (the network). */
    public static final double DEFAULT_ALPHA = 16;

    /**
     * As lambda: a regularisation of 10% of the item Gram matrix's mean diagonal, for models whose vectors are on no
     * iALS scale (the network).
     */
    public static final double RELATIVE_LAMBDA = -1;

    private final float[] items;
    private final int d;
    private final double[] gram;
    private final double alpha;
    private final double epsilon;
    private final double lambda;

    public FoldIn(float[] itemVectors, int dimensions, double alpha, double epsilon, double lambda) {
        this.items = itemVectors;
        this.d = dimensions;
        this.gram = Ials.gram(itemVectors, itemVectors.length / dimensions, dimensions);
        this.alpha = alpha;
        this.epsilon = epsilon;
        double trace = 0;
        for (int f = 0; f < dimensions; f++) {
            trace += gram[f * dimensions + f];
        }
        this.lambda = lambda == RELATIVE_LAMBDA ? 0.1 * trace / dimensions : lambda;
    }

    /** The user's vector from their items (indices into the item vectors) and strengths. */
    public float[] vector(int[] played, float[] strengths) {
        double[] a = gram.clone();
        double[] b = new double[d];
        for (int f = 0; f < d; f++) {
            a[f * d + f] += lambda;
        }
        for (int k = 0; k < played.length; k++) {
            double c = 1 + alpha * Math.log1p(strengths[k] / epsilon);
            int base = played[k] * d;
            for (int f = 0; f < d; f++) {
                double yf = items[base + f];
                b[f] += c * yf;
                for (int g = 0; g < d; g++) {
                    a[f * d + g] += (c - 1) * yf * items[base + g];
                }
            }
        }
        double[] l = SymmetricInverse.cholesky(a, d);
        // L z = b, then L' x = z.
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * d + k] * z[k];
            }
            z[i] = sum / l[i * d + i];
        }
        float[] x = new float[d];
        double[] solved = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < d; k++) {
                sum -= l[k * d + i] * solved[k];
            }
            solved[i] = sum / l[i * d + i];
            x[i] = (float) solved[i];
        }
        return x;
    }
}
