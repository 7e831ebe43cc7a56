package org.parcelnet.learn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;

import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.InputException;
import org.parcelnet.progress.WorkerPool;
import org.parcelnet.roles.Tier;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

/**
 * A trained lead scorer: a Tribuo classifier of "ring member" vs "other" on {@link LeadVectors},
 * whose probability of "member" is the party's score.
 *
 * <p>Algorithms: {@link Algorithm#LOGISTIC} — multinomial logistic regression fitted by stochastic
 * gradient descent with AdaGrad (Duchi, Hazan and Singer, JMLR 12, 2011); O(epochs · rows · columns)
 * to train and O(columns) per party to score. {@link Algorithm#FOREST} — a random forest of 30 CART trees (depth ≤ 10)
 * (Breiman, Machine Learning 45, 2001, doi:10.1023/A:1010933404324) on bootstrap samples, half the
 * columns tried per split, the trees' class distributions averaged; O(trees · rows log rows ·
 * columns) to train, O(trees · depth) per party to score. Both are seeded: the same rows and seed give
 * the same model.
 *
 * <p>Model file ({@value #SUFFIX} by convention): ParcelNet's header, UTF-8 lines ending at an empty
 * line — {@value #MAGIC} and the format version, the task, the algorithm, the column names in order,
 * the embedding parameters, what it was trained on, and the payload's length and CRC-32 — followed by
 * the Tribuo model as a protobuf message ({@code ModelProto}), which carries Tribuo's provenance
 * (trainer, its parameters, the training data's description and size). A model with a tier model
 * ({@link #withTiers}) adds two header lines after the payload line — {@code tier-columns} (its column
 * names in order) and {@code tier-payload} (its length and CRC-32) — and its Tribuo model follows the
 * first payload; a file without them (or of format 1) is a membership-only model. {@link #load} refuses, with one
 * line naming the file and the header line, a file that is not a model, of another format version,
 * damaged (length or checksum), trained on other columns than this version computes, or holding a
 * model of another kind.
 */
public final class LeadModel {

    /** First word of a model file. */
    public static final String MAGIC = "parcelnet-lead-model";
    /**
     * The format version this class writes. It reads this one and format 1 (the same header and payload
     * without a tier section: a membership-only model).
     */
    public static final int FORMAT = 2;
    /** The oldest format version this class reads. */
    public static final int OLDEST_FORMAT = 1;
    /** The usual file suffix. */
    public static final String SUFFIX = ".pnm";
    /** The predicted task. */
    public static final String TASK = "ring-member";

    static final String MEMBER = "member";
    static final String OTHER = "other";
    private static final int MAX_HEADER_LINE = 1 << 16;

    /** The learning algorithm. */
    public enum Algorithm {
        LOGISTIC, FOREST;

        /** Parses {@code logistic} or {@code forest}. */
        public static Algorithm parse(String s) {
            for (Algorithm a : values()) {
                if (a.name().equalsIgnoreCase(s.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown algorithm '" + s + "' (known: logistic, forest)");
        }
    }

    private final Model<Label> model;
    private final Algorithm algorithm;
    private final LeadVectors.EmbeddingSpec embedding;
    private final List<String> names;
    private final String trainedOn;
    /** For a linear model: per output, its weight of each column (in column order) and its bias last; else null. */
    private final double[][] linear;
    /** Index of "member" among the outputs of {@link #linear}. */
    private final int memberOutput;
    /** The tier model (outputs the {@link Tier#label()}s), or null for a membership-only model. */
    private final Model<Label> tierModel;
    /** Its column names ({@link LeadVectors#tierNames}), or an empty list. */
    private final List<String> tierNames;
    /** For a linear tier model: its weights as {@link #linear}'s; else null. */
    private final double[][] tierLinear;
    /** The tier of each output of {@link #tierLinear}. */
    private final Tier[] tierOfOutput;

    private LeadModel(Model<Label> model, Algorithm algorithm, LeadVectors.EmbeddingSpec embedding, List<String> names,
                      String trainedOn, Model<Label> tierModel) {
        this.model = model;
        this.tierModel = tierModel;
        this.tierNames = tierModel == null ? List.of() : LeadVectors.tierNames(embedding);
        this.algorithm = algorithm;
        this.embedding = embedding;
        this.names = List.copyOf(names);
        this.trainedOn = trainedOn;
        linear = linearWeights(model, this.names);
        memberOutput = linear == null ? -1 : model.getOutputIDInfo().getID(new Label(MEMBER));
        tierLinear = tierModel == null ? null : linearWeights(tierModel, tierNames);
        if (tierLinear != null) {
            tierOfOutput = new Tier[tierLinear.length];
            for (int o = 0; o < tierOfOutput.length; o++) {
                tierOfOutput[o] = Tier.parse(tierModel.getOutputIDInfo().getOutput(o).getLabel());
            }
        } else {
            tierOfOutput = null;
        }
    }

    /**
     * A linear model's fitted weights in column order (per output id, its weight of each column and its
     * bias last), or null for another kind of model: scoring a row is then one dot product per output
     * and a softmax, as Tribuo's own prediction does, without building an Example per party.
     */
    private static double[][] linearWeights(Model<Label> model, List<String> columns) {
        if (!(model instanceof LinearSGDModel lin)) {
            return null;
        }
        DenseMatrix w = lin.getWeightsCopy();
        int outputs = w.getDimension1Size();
        int bias = w.getDimension2Size() - 1;
        double[][] out = new double[outputs][columns.size() + 1];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < columns.size(); i++) {
                int id = model.getFeatureIDMap().getID(columns.get(i));
                out[o][i] = id < 0 ? 0 : w.get(o, id);
            }
            out[o][columns.size()] = w.get(o, bias);
        }
        return out;
    }

    /**
     * The softmax of the linear scores of row {@code x[off .. off + c)} into {@code prob} (output-id
     * order): {@code z_o = b_o + Σ_i w_oi x_i}, {@code p_o = exp(z_o - max z) / Σ exp(z - max z)}.
     */
    private static void softmax(double[][] weights, double[] x, int off, int c, double[] prob) {
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < weights.length; o++) {
            double[] wo = weights[o];
            double s = wo[c];
            for (int i = 0; i < c; i++) {
                s += wo[i] * x[off + i];
            }
            prob[o] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int o = 0; o < weights.length; o++) {
            prob[o] = Math.exp(prob[o] - max);
            sum += prob[o];
        }
        for (int o = 0; o < weights.length; o++) {
            prob[o] /= sum;
        }
    }

    /**
     * Trains on labelled rows.
     *
     * @param rows      the rows of one or more files, all with the same columns
     * @param member    per file, whether each row is a true ring member
     * @param algorithm the algorithm
     * @param embedding the embedding the rows were computed with
     * @param seed      seed of the trainer
     * @param trainedOn a one-line description of the training data (kept in the file)
     */
    public static LeadModel train(List<LeadVectors.Vectors> rows, List<boolean[]> member, Algorithm algorithm,
                                  LeadVectors.EmbeddingSpec embedding, long seed, String trainedOn) {
        if (rows.isEmpty() || rows.size() != member.size()) {
            throw new IllegalArgumentException("need one label array per set of rows, and at least one set");
        }
        List<String> names = LeadVectors.names(embedding);
        quietTribuo();
        MutableDataset<Label> data = dataset(trainedOn);
        String[] columns = names.toArray(new String[0]);
        Label yes = new Label(MEMBER);
        Label no = new Label(OTHER);
        int positives = 0;
        for (int s = 0; s < rows.size(); s++) {
            LeadVectors.Vectors v = rows.get(s);
            if (!v.names().equals(names)) {
                throw new IllegalArgumentException("rows have columns " + v.names() + ", expected " + names);
            }
            boolean[] m = member.get(s);
            if (m.length != v.rows()) {
                throw new IllegalArgumentException("labels for " + m.length + " rows, rows " + v.rows());
            }
            int c = columns.length;
            for (int p = 0; p < v.rows(); p++) {
                positives += m[p] ? 1 : 0;
                data.add(new ArrayExample<>(m[p] ? yes : no, columns, Arrays.copyOfRange(v.values(), p * c, p * c + c)));
            }
        }
        if (positives == 0 || positives == data.size()) {
            throw new IllegalArgumentException("training needs both ring members and other parties; got "
                    + positives + " members of " + data.size());
        }
        Trainer<Label> trainer = switch (algorithm) {
            case LOGISTIC -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 10, Math.max(1, data.size() / 4), 1, seed);
            case FOREST -> new RandomForestTrainer<>(new CARTClassificationTrainer(10, 0.5f, seed),
                    new FullyWeightedVotingCombiner(), 30, seed);
        };
        Model<Label> model = trainer.train(data);
        return new LeadModel(model, algorithm, embedding, names, oneLine(trainedOn), null);
    }

    private static MutableDataset<Label> dataset(String trainedOn) {
        LabelFactory factory = new LabelFactory();
        // a fixed timestamp: the data's provenance then depends on the data only
        return new MutableDataset<>(new SimpleDataSourceProvenance(oneLine(trainedOn),
                OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), factory), factory);
    }

    private static Trainer<Label> tierTrainer(long seed, int rows) {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 10, Math.max(1, rows / 4), 1, seed);
    }

    /**
     * This membership model with a tier model added (replacing any it had): multinomial logistic
     * regression (the {@link Algorithm#LOGISTIC} trainer, whatever this model's algorithm) on the rows
     * of {@link LeadVectors#withTierFeatures}, predicting a party's {@link Tier}. Trained on the parties
     * with a tier in {@code tiers} — meant to be the true ring members that the pipeline placed in a tier
     * ({@link LearnedLeads#placedTruthTiers}). O(epochs · rows · columns · 4).
     *
     * @param rows  tier rows of one or more files, columns {@link LeadVectors#tierNames} of this model's embedding
     * @param tiers per file, the tier to learn for each row, null to leave the row out
     * @param seed  seed of the trainer
     * @throws IllegalArgumentException when the rows have other columns, or fewer than two tiers occur
     */
    public LeadModel withTiers(List<LeadVectors.Vectors> rows, List<Tier[]> tiers, long seed) {
        if (rows.isEmpty() || rows.size() != tiers.size()) {
            throw new IllegalArgumentException("need one tier array per set of rows, and at least one set");
        }
        List<String> want = LeadVectors.tierNames(embedding);
        quietTribuo();
        MutableDataset<Label> data = dataset(trainedOn + "; tiers of placed ring members");
        String[] columns = want.toArray(new String[0]);
        int c = columns.length;
        boolean[] seen = new boolean[Tier.values().length];
        for (int s = 0; s < rows.size(); s++) {
            LeadVectors.Vectors v = rows.get(s);
            if (!v.names().equals(want)) {
                throw new IllegalArgumentException("tier rows have columns " + v.names() + ", expected " + want);
            }
            Tier[] t = tiers.get(s);
            if (t.length != v.rows()) {
                throw new IllegalArgumentException("tiers for " + t.length + " rows, rows " + v.rows());
            }
            for (int p = 0; p < v.rows(); p++) {
                if (t[p] != null) {
                    seen[t[p].ordinal()] = true;
                    data.add(new ArrayExample<>(new Label(t[p].label()), columns,
                            Arrays.copyOfRange(v.values(), p * c, p * c + c)));
                }
            }
        }
        int kinds = 0;
        for (boolean b : seen) {
            kinds += b ? 1 : 0;
        }
        if (kinds < 2) {
            throw new IllegalArgumentException("a tier model needs parties of at least two tiers; got " + kinds
                    + " tier(s) over " + data.size() + " parties");
        }
        Model<Label> tm = tierTrainer(seed, data.size()).train(data);
        return new LeadModel(model, algorithm, embedding, names, trainedOn, tm);
    }

    /** Whether the model holds a tier model. */
    public boolean hasTiers() {
        return tierModel != null;
    }

    /** The tier model's column names ({@link LeadVectors#tierNames}); empty without a tier model. */
    public List<String> tierColumnNames() {
        return tierNames;
    }

    /**
     * The tier model's most probable tier of each row where {@code which} is true, null elsewhere
     * (on equal probabilities the first output in the model's output order). A linear tier model (what
     * {@link #withTiers} trains) is evaluated from its weights, O(columns · tiers) per row without
     * allocation ({@link #tierProbabilities}, equal to Tribuo's prediction up to rounding, tested);
     * another kind through Tribuo's {@code Model.predict}.
     *
     * @throws IllegalStateException when the model has no tier model
     */
    public Tier[] predictTiers(LeadVectors.Vectors rows, boolean[] which) {
        checkTierRows(rows, which);
        if (tierLinear == null) {
            return predictTiersWithTribuo(rows, which);
        }
        int c = tierNames.size();
        double[] x = rows.values();
        double[] prob = new double[tierLinear.length];
        Tier[] out = new Tier[rows.rows()];
        for (int p = 0; p < out.length; p++) {
            if (which[p]) {
                softmax(tierLinear, x, p * c, c, prob);
                int best = 0;
                for (int o = 1; o < prob.length; o++) {
                    if (prob[o] > prob[best]) {
                        best = o;
                    }
                }
                out[p] = tierOfOutput[best];
            }
        }
        return out;
    }

    /**
     * The linear tier model's probability of each tier ({@link Tier} order) for every row, from its
     * weights; null when the tier model is not linear.
     */
    double[][] tierProbabilities(LeadVectors.Vectors rows) {
        boolean[] all = new boolean[rows.rows()];
        Arrays.fill(all, true);
        checkTierRows(rows, all);
        if (tierLinear == null) {
            return null;
        }
        int c = tierNames.size();
        double[] prob = new double[tierLinear.length];
        double[][] out = new double[rows.rows()][Tier.values().length];
        for (int p = 0; p < out.length; p++) {
            softmax(tierLinear, rows.values(), p * c, c, prob);
            for (int o = 0; o < prob.length; o++) {
                out[p][tierOfOutput[o].ordinal()] = prob[o];
            }
        }
        return out;
    }

    /** {@link #tierProbabilities} through Tribuo's {@code Model.predict} (an Example per row). */
    double[][] tierProbabilitiesWithTribuo(LeadVectors.Vectors rows) {
        int c = tierNames.size();
        String[] columns = tierNames.toArray(new String[0]);
        double[][] out = new double[rows.rows()][Tier.values().length];
        for (int p = 0; p < out.length; p++) {
            Prediction<Label> pred = tierModel.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, columns,
                    Arrays.copyOfRange(rows.values(), p * c, p * c + c)));
            for (var e : pred.getOutputScores().entrySet()) {
                out[p][Tier.parse(e.getKey()).ordinal()] = e.getValue().getScore();
            }
        }
        return out;
    }

    private void checkTierRows(LeadVectors.Vectors rows, boolean[] which) {
        if (tierModel == null) {
            throw new IllegalStateException("this model predicts ring membership only (no tier model)");
        }
        if (!rows.names().equals(tierNames)) {
            throw new IllegalArgumentException("tier rows have columns " + rows.names() + ", the model " + tierNames);
        }
        if (which.length != rows.rows()) {
            throw new IllegalArgumentException("selection of " + which.length + " rows, rows " + rows.rows());
        }
    }

    /** {@link #predictTiers} through Tribuo's {@code Model.predict}, in batches of 4,096 rows. */
    Tier[] predictTiersWithTribuo(LeadVectors.Vectors rows, boolean[] which) {
        checkTierRows(rows, which);
        int c = tierNames.size();
        String[] columns = tierNames.toArray(new String[0]);
        // Tribuo's examples and predictions cost about a kilobyte each: batches keep that bounded
        Tier[] out = new Tier[rows.rows()];
        List<Example<Label>> batch = new ArrayList<>();
        int[] batchRows = new int[4096];
        for (int p = 0; p <= rows.rows(); p++) {
            if (p < rows.rows() && which[p]) {
                batchRows[batch.size()] = p;
                batch.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, columns,
                        Arrays.copyOfRange(rows.values(), p * c, p * c + c)));
            }
            if (!batch.isEmpty() && (batch.size() == batchRows.length || p == rows.rows())) {
                List<Prediction<Label>> preds = tierModel.predict(batch);
                for (int i = 0; i < preds.size(); i++) {
                    out[batchRows[i]] = Tier.parse(preds.get(i).getOutput().getLabel());
                }
                batch.clear();
            }
        }
        return out;
    }

    /** Silences Tribuo's training log (progress lines on stderr). */
    private static void quietTribuo() {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ").trim();
    }

    /** The algorithm. */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** The embedding its columns need. */
    public LeadVectors.EmbeddingSpec embedding() {
        return embedding;
    }

    /** Column names, in order. */
    public List<String> columnNames() {
        return names;
    }

    /** What it was trained on. */
    public String trainedOn() {
        return trainedOn;
    }

    /** Tribuo's provenance of the model (trainer, parameters, data), as indented text. */
    public String provenance() {
        return ProvenanceUtil.formattedProvenanceString(model.getProvenance());
    }

    /**
     * The probability of "ring member" for every row, scored in blocks on {@code threads} workers
     * (each row is scored alone, so the thread count does not change the result). A logistic model
     * is evaluated from its weights (one dot product per class and a softmax, as Tribuo predicts;
     * equal to Tribuo's prediction up to rounding, tested), a forest through Tribuo.
     */
    public double[] score(LeadVectors.Vectors rows, int threads) {
        if (linear == null) {
            return scoreWithTribuo(rows, threads);
        }
        check(rows);
        int n = rows.rows();
        int c = names.size();
        double[] x = rows.values();
        double[] out = new double[n];
        int outputs = linear.length;
        try (WorkerPool pool = WorkerPool.of(threads, "lead-model")) {
            pool.forRange(n, 4096, (w, from, to) -> {
                double[] prob = new double[outputs];
                for (int p = from; p < to; p++) {
                    softmax(linear, x, p * c, c, prob);
                    out[p] = prob[memberOutput];
                }
            });
        }
        return out;
    }

    private void check(LeadVectors.Vectors rows) {
        if (!rows.names().equals(names)) {
            throw new IllegalArgumentException("rows have columns " + rows.names() + ", the model " + names);
        }
    }

    /** Scores through Tribuo's {@code Model.predict}, an Example per row (the path for the forest). */
    double[] scoreWithTribuo(LeadVectors.Vectors rows, int threads) {
        if (!rows.names().equals(names)) {
            throw new IllegalArgumentException("rows have columns " + rows.names() + ", the model " + names);
        }
        int n = rows.rows();
        int c = names.size();
        String[] columns = names.toArray(new String[0]);
        double[] out = new double[n];
        Label unknown = LabelFactory.UNKNOWN_LABEL;
        try (WorkerPool pool = WorkerPool.of(threads, "lead-model")) {
            pool.forRange(n, 4096, (w, from, to) -> {
                List<Example<Label>> batch = new ArrayList<>(to - from);
                for (int p = from; p < to; p++) {
                    batch.add(new ArrayExample<>(unknown, columns, Arrays.copyOfRange(rows.values(), p * c, p * c + c)));
                }
                List<Prediction<Label>> preds = model.predict(batch);
                for (int i = 0; i < preds.size(); i++) {
                    Label s = preds.get(i).getOutputScores().get(MEMBER);
                    out[from + i] = s == null ? 0 : s.getScore();
                }
            });
        }
        return out;
    }

    /** Writes the model file atomically. */
    public void save(Path file) throws IOException {
        byte[] payload = model.serialize().toByteArray();
        CRC32 crc = new CRC32();
        crc.update(payload);
        double[] w = embedding.iterationWeights();
        StringBuilder h = new StringBuilder();
        h.append(MAGIC).append(' ').append(FORMAT).append('\n');
        h.append("task ").append(TASK).append('\n');
        h.append("algorithm ").append(algorithm.name().toLowerCase(Locale.ROOT)).append('\n');
        h.append("columns ").append(String.join(",", names)).append('\n');
        h.append("embedding dimension=").append(embedding.dimension()).append(" weights=").append(join(w))
                .append(" normalization=").append(embedding.normalization()).append(" seed=").append(embedding.seed())
                .append('\n');
        h.append("trained-on ").append(trainedOn).append('\n');
        h.append("payload ").append(payload.length).append(' ').append(String.format(Locale.ROOT, "%08x", crc.getValue()))
                .append('\n');
        byte[] tierPayload = tierModel == null ? new byte[0] : tierModel.serialize().toByteArray();
        if (tierModel != null) {
            CRC32 tierCrc = new CRC32();
            tierCrc.update(tierPayload);
            h.append("tier-columns ").append(String.join(",", tierNames)).append('\n');
            h.append("tier-payload ").append(tierPayload.length).append(' ')
                    .append(String.format(Locale.ROOT, "%08x", tierCrc.getValue())).append('\n');
        }
        h.append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            out.write(header);
            out.write(payload);
            out.write(tierPayload);
        });
    }

    private static String join(double[] w) {
        StringBuilder b = new StringBuilder();
        for (double x : w) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(x);
        }
        return b.toString();
    }

    /**
     * Reads a model file.
     *
     * @throws InputException (one line: file, header line, what is wrong) when the file is not a model
     *                        of this format, is damaged, or was trained on other columns
     */
    public static LeadModel load(Path file) throws IOException {
        String name = file.toString();
        byte[] all = Files.readAllBytes(file);
        int pos = 0;
        List<String> lines = new ArrayList<>();
        while (true) {
            int end = pos;
            while (end < all.length && all[end] != '\n' && end - pos < MAX_HEADER_LINE) {
                end++;
            }
            if (end >= all.length || all[end] != '\n') {
                throw new InputException(name, lines.size() + 1, 0, lines.isEmpty() ? "not a ParcelNet lead model"
                        : "header not terminated: the file is truncated or damaged", null);
            }
            String line = new String(all, pos, end - pos, StandardCharsets.UTF_8);
            pos = end + 1;
            if (line.isEmpty()) {
                break;
            }
            lines.add(line);
            if (lines.size() == 1 && !line.startsWith(MAGIC + " ")) {
                throw new InputException(name, 1, 0, "not a ParcelNet lead model", null);
            }
        }
        String first = lines.get(0);
        int format;
        try {
            format = Integer.parseInt(first.substring(MAGIC.length() + 1).trim());
        } catch (NumberFormatException e) {
            throw new InputException(name, 1, 0, "not a ParcelNet lead model", null);
        }
        if (format < OLDEST_FORMAT || format > FORMAT) {
            throw new InputException(name, 1, 0, "model format " + format + ", this version reads formats "
                    + OLDEST_FORMAT + " to " + FORMAT + ": retrain the model with this version", null);
        }
        String task = field(name, lines, "task");
        if (!TASK.equals(task)) {
            throw new InputException(name, line(lines, "task"), 0, "a model for task '" + task + "', expected " + TASK, null);
        }
        Algorithm algorithm;
        try {
            algorithm = Algorithm.parse(field(name, lines, "algorithm"));
        } catch (IllegalArgumentException e) {
            throw new InputException(name, line(lines, "algorithm"), 0, e.getMessage(), null);
        }
        LeadVectors.EmbeddingSpec embedding = parseEmbedding(name, line(lines, "embedding"), field(name, lines, "embedding"));
        List<String> columns = List.of(field(name, lines, "columns").split(",", -1));
        List<String> expected = LeadVectors.names(embedding);
        if (!columns.equals(expected)) {
            throw new InputException(name, line(lines, "columns"), 0, "trained on other columns than this version computes "
                    + "(" + firstDifference(columns, expected) + "): retrain the model with this version", null);
        }
        String trainedOn = field(name, lines, "trained-on");
        int payloadLine = line(lines, "payload");
        long[] payload = payloadField(name, lines, "payload");
        int tierLine = line(lines, "tier-payload");
        if (format == 1 && (tierLine > 0 || line(lines, "tier-columns") > 0)) {
            throw new InputException(name, Math.max(tierLine, line(lines, "tier-columns")), 0,
                    "a tier section in a format 1 file: the file is damaged", null);
        }
        long[] tierPayload = tierLine == 0 ? new long[] {0, 0} : payloadField(name, lines, "tier-payload");
        if (tierLine == 0 && line(lines, "tier-columns") > 0) {
            throw new InputException(name, line(lines, "tier-columns"), 0,
                    "a 'tier-columns' line without a 'tier-payload' line: the file is damaged", null);
        }
        long rest = all.length - pos;
        if (rest != payload[0] + tierPayload[0]) {
            throw new InputException(name, tierLine == 0 ? payloadLine : tierLine, 0, "payload of " + rest
                    + " bytes, the header says " + (payload[0] + tierPayload[0]) + ": the file is truncated or damaged", null);
        }
        Model<Label> model = section(name, payloadLine, all, pos, (int) payload[0], payload[1], "payload");
        if (model.getOutputIDInfo().getID(new Label(MEMBER)) < 0) {
            throw new InputException(name, payloadLine, 0, "the model does not predict '" + MEMBER + "'", null);
        }
        checkFeatures(name, payloadLine, model, expected, "header");
        Model<Label> tierModel = null;
        if (tierLine > 0) {
            List<String> tierColumns = List.of(field(name, lines, "tier-columns").split(",", -1));
            List<String> tierExpected = LeadVectors.tierNames(embedding);
            if (!tierColumns.equals(tierExpected)) {
                throw new InputException(name, line(lines, "tier-columns"), 0, "tier model trained on other columns than "
                        + "this version computes (" + firstDifference(tierColumns, tierExpected)
                        + "): retrain the model with this version", null);
            }
            tierModel = section(name, tierLine, all, pos + (int) payload[0], (int) tierPayload[0], tierPayload[1],
                    "tier payload");
            for (var o : tierModel.getOutputIDInfo().getDomain()) {
                try {
                    Tier.parse(o.getLabel());
                } catch (IllegalArgumentException e) {
                    throw new InputException(name, tierLine, 0, "the tier model predicts '" + shorten(o.getLabel())
                            + "', not a tier", null);
                }
            }
            checkFeatures(name, tierLine, tierModel, tierExpected, "tier-columns line");
        }
        return new LeadModel(model, algorithm, embedding, columns, trainedOn, tierModel);
    }

    /** A "payload" or "tier-payload" line: length and CRC-32. */
    private static long[] payloadField(String name, List<String> lines, String key) {
        String[] f = field(name, lines, key).split(" ");
        try {
            long length = Long.parseLong(f[0]);
            long crc = Long.parseLong(f[1], 16);
            if (length < 0 || length > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return new long[] {length, crc};
        } catch (RuntimeException e) {
            throw new InputException(name, line(lines, key), 0, "bad " + key + " line", null);
        }
    }

    /** Checks the CRC of one payload section and reads the Tribuo classification model in it. */
    private static Model<Label> section(String name, int headerLine, byte[] all, int from, int length, long crcWanted,
                                        String what) {
        CRC32 crc = new CRC32();
        crc.update(all, from, length);
        if (crc.getValue() != crcWanted) {
            throw new InputException(name, headerLine, 0, what + " checksum does not match: the file is damaged", null);
        }
        quietTribuo();
        Model<?> raw;
        try {
            raw = Model.deserialize(ModelProto.parseFrom(new java.io.ByteArrayInputStream(all, from, length)));
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, headerLine, 0, what + " is not a readable Tribuo model", null);
        }
        if (!raw.validate(Label.class)) {
            throw new InputException(name, headerLine, 0, what + " is not a classification model", null);
        }
        @SuppressWarnings("unchecked")
        Model<Label> model = (Model<Label>) raw;
        return model;
    }

    private static void checkFeatures(String name, int headerLine, Model<Label> model, List<String> expected, String where) {
        for (var f : model.getFeatureIDMap()) {
            if (!expected.contains(f.getName())) {
                throw new InputException(name, headerLine, 0, "the model uses a column '" + shorten(f.getName())
                        + "' that the " + where + " does not list", null);
            }
        }
    }

    private static String firstDifference(List<String> got, List<String> want) {
        for (int i = 0; i < Math.min(got.size(), want.size()); i++) {
            if (!got.get(i).equals(want.get(i))) {
                return "column " + (i + 1) + " is '" + shorten(got.get(i)) + "', expected '" + want.get(i) + "'";
            }
        }
        return got.size() + " columns, expected " + want.size();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static int line(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + " ")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String field(String name, List<String> lines, String key) {
        int l = line(lines, key);
        if (l == 0) {
            throw new InputException(name, "model header has no '" + key + "' line: the file is damaged");
        }
        return lines.get(l - 1).substring(key.length() + 1);
    }

    private static LeadVectors.EmbeddingSpec parseEmbedding(String name, int line, String value) {
        try {
            int d = -1;
            double[] w = null;
            double beta = Double.NaN;
            long seed = 0;
            boolean seenSeed = false;
            for (String part : value.trim().split(" ")) {
                String[] kv = part.split("=", 2);
                switch (kv[0]) {
                    case "dimension" -> d = Integer.parseInt(kv[1]);
                    case "weights" -> w = Arrays.stream(kv[1].split(",")).mapToDouble(Double::parseDouble).toArray();
                    case "normalization" -> beta = Double.parseDouble(kv[1]);
                    case "seed" -> {
                        seed = Long.parseLong(kv[1]);
                        seenSeed = true;
                    }
                    default -> throw new IllegalArgumentException("unknown embedding parameter '" + shorten(kv[0]) + "'");
                }
            }
            if (d < 0 || w == null || Double.isNaN(beta) || !seenSeed) {
                throw new IllegalArgumentException("incomplete embedding parameters");
            }
            return new LeadVectors.EmbeddingSpec(d, w, beta, seed);
        } catch (RuntimeException e) {
            throw new InputException(name, line, 0, "bad embedding line: " + e.getMessage(), null);
        }
    }

    @Override
    public String toString() {
        return "LeadModel[" + algorithm.name().toLowerCase(Locale.ROOT) + ", " + names.size() + " columns, embedding "
                + embedding.dimension() + (tierModel == null ? ", membership only" : ", with tier model") + "]";
    }
}
