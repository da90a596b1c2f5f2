package io.spotifymate.model.ranking;

/** Scores every item by the dot product of the user's and the item's vectors. */
public final class FactorScorer implements Scorer {

    private final Factors factors;

    FactorScorer(Factors factors) {
        this.factors = factors;
    }

    public Factors factors() {
        return factors;
    }

    @Override
    public void score(int user, float[] scores) {
        int d = factors.dimensions();
        float[] users = factors.users();
        float[] items = factors.items();
        int base = user * d;
        for (int item = 0, at = 0; item < scores.length; item++, at += d) {
            float sum = 0;
            for (int f = 0; f < d; f++) {
                sum += users[base + f] * items[at + f];
            }
            scores[item] = sum;
        }
    }
}
