package org.parcelnet.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.io.ShipmentWriter;
import org.parcelnet.leads.Dispatch;
import org.parcelnet.leads.LeadFeatures;
import org.parcelnet.leads.LeadResult;
import org.parcelnet.leads.LeadScorer;
import org.parcelnet.leads.PartyActivity;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.privacy.Generalizer;
import org.parcelnet.privacy.PseudonymKey;
import org.parcelnet.privacy.Pseudonymizer;
import org.parcelnet.privacy.WeightBands;

/**
 * Throughput of desensitisation, the shipments writer and lead scoring on a 1M-row table built from a
 * seed ({@link IngestBenchmark#syntheticTable}: 200k distinct phones, names and addresses on a third of
 * the rows). Scores are rows (or parties, or values) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class PrivacyLeadsBenchmark {

    static final int ROWS = 1_000_000;
    static final int VALUES = 100_000;

    ShipmentTable table;
    Pseudonymizer pseudonymizer;
    Generalizer generalizer;
    PartyIndex parties;
    LeadFeatures features;
    String[] phones;

    @Setup(Level.Trial)
    public void setup() {
        table = IngestBenchmark.syntheticTable(ROWS, 7);
        pseudonymizer = new Pseudonymizer(PseudonymKey.fromText("benchmark key, not a secret!", "bench"));
        generalizer = new Generalizer(Generalizer.Options.none().withAddressToCity(true).withTimeToDay(true)
                .withWeightBands(WeightBands.DEFAULT));
        parties = Projections.parties(table, PartyKey.PHONE);
        PartyActivity act = PartyActivity.compute(table, parties, Set.of("云南", "广西"));
        int n = parties.partyCount();
        SplittableRandom r = new SplittableRandom(5);
        int[] ring = new int[n];
        double[] relay = new double[n];
        double[] bc = new double[n];
        for (int p = 0; p < n; p++) {
            ring[p] = r.nextInt(50) == 0 ? r.nextInt(200) : -1;
            relay[p] = r.nextInt(20) == 0 ? r.nextInt(10) : 0;
            bc[p] = r.nextDouble() * 1e-3;
        }
        features = LeadFeatures.of(parties.parties().ids(), act).withRing(ring).withRelayChains(relay).withBetweenness(bc);
        phones = new String[VALUES];
        for (int i = 0; i < VALUES; i++) {
            phones[i] = Long.toString(13_000_000_000L + i * 7919L);
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public int pseudonymPerValue() {
        int h = 0;
        for (String p : phones) {
            h += pseudonymizer.phone(p).hashCode();
        }
        return h;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ShipmentTable pseudonymizeTableRows() {
        return pseudonymizer.apply(table);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ShipmentTable generalizeTableRows() {
        return generalizer.apply(table);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long writeShipmentsRows() throws IOException {
        CountingWriter w = new CountingWriter();
        new ShipmentWriter().write(table, w);
        return w.chars;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public PartyActivity partyActivityRows() {
        return PartyActivity.compute(table, parties, Set.of("云南", "广西"));
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public String[] dispatchRegionsRows() {
        return Dispatch.regions(table, parties);
    }

    /** One operation = one party (about 200k parties). */
    @Benchmark
    public LeadResult leadScoreAllParties() {
        return new LeadScorer().score(features, 1000);
    }

    /** A writer that only counts characters, so the benchmark measures formatting, not the disk. */
    static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] cbuf, int off, int len) {
            chars += len;
        }

        @Override
        public void write(String s) {
            chars += s.length();
        }

        @Override
        public void write(int c) {
            chars++;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
