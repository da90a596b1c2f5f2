package io.spotifymate.model.ranking;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.jboss.logging.Logger;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The preference network: a two-tower model in Deeplearning4j. The user tower is an embedding of the user; the track
 * tower adds an embedding of the track to a projection of its side features (tags, audio features, text embedding),
 * so a track nobody has played yet still gets a vector from what it is. Their element-wise product feeds one
 * sigmoid unit, so the score is a weighted dot product and folds into plain vectors ({@code user ⊙ w}, {@code track})
 * that a vector search can retrieve by. Trained with binary cross-entropy on each played pair against {@code negatives}
 * tracks drawn uniformly per pair, Adam, seeded; after each epoch the vectors are scored on the validation split with
 * full ranking and the best epoch is kept, stopping after {@code patience} epochs without gain or at the time budget.
 * Without a validation split it trains {@code maxEpochs} epochs (the number an earlier early-stopped fit chose).
 */
public final class PreferenceNetwork implements Recommender {

    private static final Logger LOG = Logger.getLogger(PreferenceNetwork.class);

    /** Settings of one network. */
    public record Settings(
            int dimensions,
            int negatives,
            double learningRate,
            double l2,
            int batchSize,
            int maxEpochs,
            int patience,
            long timeBudgetMillis,
            long seed) {

        public static Settings defaults(long seed) {
            return new Settings(64, 4, 0.02, 1e-4, 8192, 30, 3, 120_000, seed);
        }
    }

    /** What training did, for the report. */
    public record Training(int epochs, int bestEpoch, double bestValidationNdcg, long millis) {}

    private final Settings settings;
    private final float[][] sideFeatures;
    private final Split validation;
    private volatile Training lastTraining;
    private volatile ComputationGraph lastNetwork;

    /**
     * @param sideFeatures per item, its side feature vector (all the same length; zeros where unknown)
     * @param validation the split early stopping scores on: its training part is what {@link #fit} is given
     */
    public PreferenceNetwork(Settings settings, float[][] sideFeatures, Split validation) {
        this.settings = settings;
        this.sideFeatures = sideFeatures;
        this.validation = validation;
    }

    @Override
    public String kind() {
        return "dl4j-two-tower";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("dimensions", settings.dimensions());
        values.put("negatives", settings.negatives());
        values.put("learningRate", settings.learningRate());
        values.put("l2", settings.l2());
        values.put("batchSize", settings.batchSize());
        values.put("maxEpochs", settings.maxEpochs());
        values.put("patience", settings.patience());
        values.put("sideFeatures", sideFeatures.length == 0 ? 0 : sideFeatures[0].length);
        values.put("seed", settings.seed());
        return values;
    }

    /** After a fit with early stopping: the same network, trained for the epochs it chose, without validation. */
    @Override
    public Recommender reseeded(long seed) {
        int epochs = lastTraining == null ? settings.maxEpochs() : lastTraining.bestEpoch();
        Settings fixed = new Settings(
                settings.dimensions(),
                settings.negatives(),
                settings.learningRate(),
                settings.l2(),
                settings.batchSize(),
                epochs,
                epochs,
                settings.timeBudgetMillis(),
                seed);
        return new PreferenceNetwork(fixed, sideFeatures, null);
    }

    public Training lastTraining() {
        return lastTraining;
    }

    /** The trained network, serialised with Deeplearning4j's own format (no updater state). */
    public byte[] lastNetworkBytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ModelSerializer.writeModel(lastNetwork, out, false);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public FactorScorer fit(Interactions train) {
        long started = System.currentTimeMillis();
        int features = sideFeatures[0].length;
        ComputationGraph network = new ComputationGraph(configuration(train.users(), train.items(), features));
        network.init();
        INDArray side = Nd4j.create(sideFeatures).castTo(DataType.FLOAT);
        SplittableRandom random = new SplittableRandom(settings.seed());

        // Early stopping looks at up to 600 of the validation users, evenly spread: the same ones every epoch.
        int[] stoppingUsers = validation == null ? new int[0] : everyNth(validation.testUsers(), 600);
        Factors best = null;
        INDArray bestParams = null;
        double bestNdcg = -1;
        int bestEpoch = 0;
        int epoch = 0;
        while (epoch < settings.maxEpochs()) {
            epoch++;
            trainEpoch(network, train, random);
            boolean outOfTime = System.currentTimeMillis() - started > settings.timeBudgetMillis();
            if (validation == null) {
                // No early stopping: exactly maxEpochs (or what the budget allows), the last one kept.
                bestEpoch = epoch;
                if (outOfTime) {
                    break;
                }
                continue;
            }
            Factors factors = factors(network, side);
            double ndcg =
                    Evaluation.of(validation, factors.scorer(), stoppingUsers).ndcg10();
            if (best == null || ndcg > bestNdcg) {
                best = factors;
                bestNdcg = ndcg;
                bestEpoch = epoch;
                bestParams = network.params().dup();
            }
            LOG.debugf(
                    "epoch %d: validation NDCG@10 %.4f, %d ms",
                    Integer.valueOf(epoch), Double.valueOf(ndcg), Long.valueOf(System.currentTimeMillis() - started));
            if (outOfTime || epoch - bestEpoch >= settings.patience()) {
                break;
            }
        }
        if (validation == null) {
            best = factors(network, side);
        } else {
            network.setParams(bestParams);
        }
        lastNetwork = network;
        lastTraining = new Training(
                epoch, bestEpoch, validation == null ? Double.NaN : bestNdcg, System.currentTimeMillis() - started);
        return best.scorer();
    }

    private static int[] everyNth(int[] users, int most) {
        if (users.length <= most) {
            return users;
        }
        int[] picked = new int[most];
        for (int i = 0; i < most; i++) {
            picked[i] = users[(int) ((long) i * users.length / most)];
        }
        return picked;
    }

    private ComputationGraphConfiguration configuration(int users, int items, int features) {
        int d = settings.dimensions();
        return new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(settings.learningRate()))
                .l2(settings.l2())
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("user", "item", "side")
                .addLayer(
                        "userVector",
                        new EmbeddingLayer.Builder()
                                .nIn(users)
                                .nOut(d)
                                .hasBias(false)
                                .activation(Activation.IDENTITY)
                                .weightInit(new NormalDistribution(0, 0.1))
                                .build(),
                        "user")
                .addLayer(
                        "itemIdentity",
                        new EmbeddingLayer.Builder()
                                .nIn(items)
                                .nOut(d)
                                .hasBias(false)
                                .activation(Activation.IDENTITY)
                                .weightInit(new NormalDistribution(0, 0.01))
                                .build(),
                        "item")
                .addLayer(
                        "itemContent",
                        new DenseLayer.Builder()
                                .nIn(features)
                                .nOut(d)
                                .activation(Activation.IDENTITY)
                                .build(),
                        "side")
                .addVertex("itemVector", new ElementWiseVertex(ElementWiseVertex.Op.Add), "itemIdentity", "itemContent")
                .addVertex("match", new ElementWiseVertex(ElementWiseVertex.Op.Product), "userVector", "itemVector")
                .addLayer(
                        "score",
                        new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                                .nIn(d)
                                .nOut(1)
                                .activation(Activation.SIGMOID)
                                .build(),
                        "match")
                .setOutputs("score")
                .build();
    }

    /** One pass over the played pairs in a fresh random order, each with its sampled negatives. */
    private void trainEpoch(ComputationGraph network, Interactions train, SplittableRandom random) {
        int features = sideFeatures[0].length;
        int rowsPerPair = 1 + settings.negatives();
        int pairs = train.size();
        int[] order = new int[pairs];
        for (int p = 0; p < pairs; p++) {
            order[p] = p;
        }
        for (int p = pairs - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int swap = order[p];
            order[p] = order[q];
            order[q] = swap;
        }
        int pairsPerBatch = Math.max(1, settings.batchSize() / rowsPerPair);
        for (int from = 0; from < pairs; from += pairsPerBatch) {
            int n = Math.min(pairsPerBatch, pairs - from) * rowsPerPair;
            float[] users = new float[n];
            float[] items = new float[n];
            float[] labels = new float[n];
            int[] itemIndex = new int[n];
            int row = 0;
            for (int k = from; k < Math.min(pairs, from + pairsPerBatch); k++) {
                int position = order[k];
                int user = train.userOf(position);
                users[row] = user;
                items[row] = train.item(position);
                itemIndex[row] = train.item(position);
                labels[row++] = 1;
                for (int s = 0; s < settings.negatives(); s++) {
                    int negative = random.nextInt(train.items());
                    users[row] = user;
                    items[row] = negative;
                    itemIndex[row] = negative;
                    labels[row++] = 0;
                }
            }
            // Gathered here, not with getRows: ND4J copies row by row, which is most of an epoch.
            float[] batchSide = new float[n * features];
            for (int r = 0; r < n; r++) {
                System.arraycopy(sideFeatures[itemIndex[r]], 0, batchSide, r * features, features);
            }
            network.fit(new MultiDataSet(
                    new INDArray[] {
                        Nd4j.create(users, new long[] {n, 1}),
                        Nd4j.create(items, new long[] {n, 1}),
                        Nd4j.create(batchSide, new long[] {n, features})
                    },
                    new INDArray[] {Nd4j.create(labels, new long[] {n, 1})}));
        }
    }

    /**
     * The network's vectors: users {@code u ⊙ w} (the output unit's weights folded in), tracks
     * {@code identity + content(side)}; the output bias is the same for every track and drops out of a ranking.
     */
    static Factors factors(ComputationGraph network, INDArray side) {
        INDArray users = network.getLayer("userVector").getParam("W");
        INDArray identity = network.getLayer("itemIdentity").getParam("W");
        INDArray contentWeights = network.getLayer("itemContent").getParam("W");
        INDArray contentBias = network.getLayer("itemContent").getParam("b");
        INDArray outputWeights = network.getLayer("score").getParam("W");
        INDArray userVectors = users.mulRowVector(outputWeights.reshape(1, outputWeights.length()));
        INDArray itemVectors =
                side.mmul(contentWeights).addiRowVector(contentBias).addi(identity);
        int d = (int) users.size(1);
        return new Factors(
                userVectors.castTo(DataType.FLOAT).data().asFloat(),
                itemVectors.castTo(DataType.FLOAT).data().asFloat(),
                d);
    }
}
