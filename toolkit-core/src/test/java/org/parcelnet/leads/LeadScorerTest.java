package org.parcelnet.leads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LeadScorerTest {

    static final double EPS = 1e-12;

    static LeadFeatures features(double[] volume, double[] two, double[] flagged, int[] ring) {
        int n = volume.length;
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            ids.add("P" + p);
        }
        return new LeadFeatures(ids, volume, two, new double[n], new double[n], new double[n], ring, new double[n], flagged);
    }

    @Test
    void handComputedScoresRanksAndReasons() {
        // volume 0, 3, 15 → log1p / log1p(15) = 0, 0.5, 1; two-carton 1, 0.5, 0; flagged 0, 1, 0 → 0, 1, 0.
        LeadFeatures f = features(new double[] {0, 3, 15}, new double[] {1, 0.5, 0}, new double[] {0, 1, 0},
                new int[] {-1, -1, -1});
        LeadWeights w = new LeadWeights(1, 1, 0, 0, 0, 0, 0, 2); // sum 4
        LeadResult r = new LeadScorer(w).score(f, 10);
        // A = 1·1/4, B = (0.5 + 0.5 + 2)/4, C = 1/4
        assertArrayEquals(new double[] {0.25, 0.75, 0.25}, r.partyScores(), EPS);
        assertEquals(List.of(1, 0, 2), r.parties().stream().map(PartyLead::party).toList(), "B, then the tie A before C");
        assertEquals(List.of(1, 2, 3), r.parties().stream().map(PartyLead::rank).toList());

        PartyLead b = r.parties().get(0);
        assertEquals("P1", b.id());
        assertEquals(List.of(Feature.FLAGGED, Feature.VOLUME, Feature.TWO_CARTON),
                b.reasons().stream().map(Reason::feature).toList(), "0.5, then the 0.125 tie in feature order");
        assertEquals(0.5, b.reasons().get(0).contribution(), EPS);
        assertEquals(0.125, b.reasons().get(1).contribution(), EPS);
        assertEquals("1 flagged parcel in its case network; 3 shipments; 50% of parcels are 2-carton", b.reasonText());

        PartyLead a = r.parties().get(1);
        assertEquals(1, a.reasons().size(), "only non-zero contributions are reasons");
        assertEquals("100% of parcels are 2-carton", a.reasonText());
        assertEquals("15 shipments", r.parties().get(2).reasonText());
        double sum = 0;
        for (Reason x : b.reasons()) {
            sum += x.contribution();
        }
        assertEquals(b.score(), sum, EPS, "B's three reasons are its whole score");
    }

    @Test
    void ringMembershipScalesWithRingSize() {
        // Parties 0,1 in ring 0 (size 2); 2,3,4 in ring 1 (size 3); 5 in none. Community weight only.
        LeadFeatures f = features(new double[6], new double[6], new double[6], new int[] {0, 0, 1, 1, 1, -1});
        LeadResult r = new LeadScorer(new LeadWeights(0, 0, 0, 0, 0, 1, 0, 0)).score(f, 6);
        double small = 0.5 + 0.5 * Math.log(3) / Math.log(4);
        assertArrayEquals(new double[] {small, small, 1, 1, 1, 0}, r.partyScores(), EPS);
        assertEquals("member of ring 1 (3 parties)", r.parties().get(0).reasonText());
        assertEquals("", r.parties().get(5).reasonText());
        // Rings: log1p(size) / log1p(3).
        assertEquals(2, r.rings().size());
        assertEquals(1, r.rings().get(0).ring());
        assertEquals(1.0, r.rings().get(0).score(), EPS);
        assertEquals(Math.log(3) / Math.log(4), r.rings().get(1).score(), EPS);
        assertEquals("3 parties in ring 1", r.rings().get(0).reasonText());
        assertArrayEquals(new int[] {2, 3, 4}, r.rings().get(0).members());
    }

    @Test
    void ringSharesAreVolumeWeightedAndMembersOrderedByScore() {
        // Ring 0: p0 (1 shipment, all 2-carton) and p1 (3 shipments, none) → 1/4 = 25%.
        // Ring 1: p2, p3 without volume → plain mean of 0.5 and 1.0 = 75%.
        LeadFeatures f = features(new double[] {1, 3, 0, 0}, new double[] {1, 0, 0.5, 1}, new double[4],
                new int[] {0, 0, 1, 1});
        LeadResult r = new LeadScorer(new LeadWeights(0, 1, 0, 0, 0, 0, 0, 0)).score(f, 4);
        assertEquals(1, r.rings().get(0).ring());
        assertEquals(0.75, r.rings().get(0).score(), EPS);
        assertEquals(0.25, r.rings().get(1).score(), EPS);
        assertEquals("25% of parcels are 2-carton", r.rings().get(1).reasonText());
        assertArrayEquals(new int[] {3, 2}, r.rings().get(0).members(), "p3 (1.0) before p2 (0.5)");
        assertArrayEquals(new int[] {0, 1}, r.rings().get(1).members());
    }

    @Test
    void defaultWeightsOnAllFeatures() {
        // One party maximal in everything, one zero in everything: scores 1 and 0.
        List<String> ids = List.of("max", "zero");
        LeadFeatures f = new LeadFeatures(ids, new double[] {9, 0}, new double[] {1, 0}, new double[] {1, 0},
                new double[] {4, 0}, new double[] {2, 0}, new int[] {0, -1}, new double[] {0.3, 0}, new double[] {5, 0});
        LeadResult r = new LeadScorer().score(f, 2);
        assertArrayEquals(new double[] {1, 0}, r.partyScores(), EPS);
        // Largest weights first: flagged (3/14), then two-carton, border, relay, community (2/14 each).
        assertEquals(List.of(Feature.FLAGGED, Feature.TWO_CARTON, Feature.BORDER),
                r.parties().get(0).reasons().stream().map(Reason::feature).toList());
        assertEquals(3.0 / 14, r.parties().get(0).reasons().get(0).contribution(), EPS);
        assertEquals("5 flagged parcels in its case network; 100% of parcels are 2-carton; "
                + "100% of parcels from border-entry or transit provinces", r.parties().get(0).reasonText());
    }

    @Test
    void topKAgreesWithAFullSortIncludingTies() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rnd.nextInt(300);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(20) / 4.0; // many ties
            }
            Integer[] all = new Integer[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            Arrays.sort(all, Comparator.<Integer>comparingDouble(i -> -v[i]).thenComparingInt(i -> i));
            int k = rnd.nextInt(n + 1);
            int[] expected = new int[k];
            for (int i = 0; i < k; i++) {
                expected[i] = all[i];
            }
            assertArrayEquals(expected, LeadScorer.topK(v, k), "n=" + n + " k=" + k);
            // with some indices skipped: the first k of the same order among the others
            boolean[] skip = new boolean[n];
            for (int i = 0; i < n; i++) {
                skip[i] = rnd.nextInt(4) == 0;
            }
            int[] kept = Arrays.stream(all).mapToInt(Integer::intValue).filter(i -> !skip[i]).limit(k).toArray();
            assertArrayEquals(kept, LeadScorer.topK(v, k, skip), "n=" + n + " k=" + k + " with skips");
        }
    }

    /**
     * Volumes 1-4 rank the parties 3, 2, 1, 0; party 2 is excluded (a courier station): the two leads are
     * 3 and 1, ranked 1 and 2 with their own scores, party 2's score is 0 and the others' unchanged.
     */
    @Test
    void excludedPartiesAreNoLeads() {
        LeadFeatures f = features(new double[] {1, 2, 3, 4}, new double[4], new double[4], new int[] {-1, -1, -1, -1});
        LeadResult all = new LeadScorer().score(f, 4);
        LeadResult r = new LeadScorer().score(f, 2, new boolean[] {false, false, true, false});
        assertEquals(List.of(3, 1), r.parties().stream().map(PartyLead::party).toList());
        assertEquals(List.of(1, 2), r.parties().stream().map(PartyLead::rank).toList());
        assertEquals(all.partyScores()[1], r.parties().get(1).score());
        double[] expected = all.partyScores();
        expected[2] = 0;
        assertArrayEquals(expected, r.partyScores());
        assertEquals(List.of(3, 1), new LeadScorer().rankBy(f, all.partyScores(), 2,
                new boolean[] {false, false, true, false}).parties().stream().map(PartyLead::party).toList());
        assertThrows(IllegalArgumentException.class, () -> new LeadScorer().score(f, 2, new boolean[3]));
    }

    @Test
    void topKLimitsPartyLeadsButScoresAll() {
        LeadFeatures f = features(new double[] {1, 2, 3, 4}, new double[4], new double[4], new int[] {-1, -1, -1, -1});
        LeadResult r = new LeadScorer().score(f, 2);
        assertEquals(2, r.parties().size());
        assertEquals(4, r.partyScores().length);
        assertEquals(3, r.parties().get(0).party());
        assertEquals(0, new LeadScorer().score(f, 0).parties().size());
        assertThrows(IllegalArgumentException.class, () -> new LeadScorer().score(f, -1));
    }

    @Test
    void invalidInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> features(new double[] {1}, new double[] {1.5}, new double[1], new int[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> features(new double[] {-1}, new double[1], new double[1], new int[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> features(new double[] {Double.NaN}, new double[1], new double[1], new int[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> features(new double[2], new double[1], new double[1], new int[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> features(new double[1], new double[1], new double[1], new int[] {-2}));
        assertThrows(IllegalArgumentException.class, () -> new LeadWeights(0, 0, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LeadWeights(-1, 1, 1, 1, 1, 1, 1, 1));
    }

    @Test
    void weightsParseOnTopOfDefaults() {
        LeadWeights w = LeadWeights.parse("flagged=5, two-carton=0.5,VOLUME=0");
        assertEquals(5, w.flagged());
        assertEquals(0.5, w.twoCarton());
        assertEquals(0, w.volume());
        assertEquals(LeadWeights.DEFAULTS.border(), w.border());
        assertEquals(LeadWeights.DEFAULTS, LeadWeights.parse(" "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LeadWeights.parse("speed=1")).getMessage().contains("unknown feature"));
        assertThrows(IllegalArgumentException.class, () -> LeadWeights.parse("volume"));
        assertThrows(IllegalArgumentException.class, () -> LeadWeights.parse("volume=x"));
        assertThrows(IllegalArgumentException.class, () -> LeadWeights.parse("volume=-1"));
    }

    @Test
    void featuresAreImmutable() {
        double[] v = {1, 2};
        LeadFeatures f = features(v, new double[2], new double[2], new int[] {-1, -1});
        v[0] = 100;
        assertEquals(1, f.volume()[0]);
        f.volume()[0] = 100;
        assertEquals(1, f.volume()[0]);
    }

    @Test
    void normalizedFeaturesAreWhatTheScoreWeighs() {
        // volume 0, 3, 15 → 0, 0.5, 1 (log1p over log1p(15)); ring sizes 2, 0 → 0.5 + 0.5 · log1p(2)/log1p(2) = 1
        LeadFeatures f = features(new double[] {0, 3, 15}, new double[] {1, 0.5, 0}, new double[] {0, 1, 0},
                new int[] {0, 0, -1});
        double[] x = LeadScorer.normalizedFeatures(f);
        int nf = Feature.values().length;
        assertEquals(0.5, x[nf + Feature.VOLUME.ordinal()], EPS);
        assertEquals(1.0, x[2 * nf + Feature.VOLUME.ordinal()], EPS);
        assertEquals(1.0, x[Feature.COMMUNITY.ordinal()], EPS);
        assertEquals(0.0, x[2 * nf + Feature.COMMUNITY.ordinal()], EPS);
        double[] w = LeadWeights.DEFAULTS.asArray();
        double[] score = new LeadScorer().score(f, 3).partyScores();
        for (int p = 0; p < 3; p++) {
            double s = 0;
            double sum = 0;
            for (int k = 0; k < nf; k++) {
                s += w[k] * x[p * nf + k];
                sum += w[k];
            }
            assertEquals(score[p], s / sum, EPS);
        }
    }

    @Test
    void rankByOrdersPartiesByTheGivenScoresWithTheScorecardsReasons() {
        LeadFeatures f = features(new double[] {0, 3, 15}, new double[] {1, 0.5, 0}, new double[] {0, 1, 0},
                new int[] {0, 0, -1});
        LeadScorer scorer = new LeadScorer();
        LeadResult hand = scorer.score(f, 3);
        LeadResult given = scorer.rankBy(f, new double[] {0.2, 0.9, 0.2}, 2);
        assertArrayEquals(new double[] {0.2, 0.9, 0.2}, given.partyScores(), EPS);
        assertEquals(List.of(1, 0), given.parties().stream().map(PartyLead::party).toList(), "0.9 first, then the tie by index");
        for (PartyLead l : given.parties()) {
            PartyLead h = hand.parties().stream().filter(x -> x.party() == l.party()).findFirst().orElseThrow();
            assertEquals(h.reasons(), l.reasons());
        }
        assertEquals(hand.rings().get(0).score(), given.rings().get(0).score(), EPS);
        assertEquals(List.of(1, 0), java.util.Arrays.stream(given.rings().get(0).members()).boxed().toList());
        assertThrows(IllegalArgumentException.class, () -> scorer.rankBy(f, new double[] {0, Double.NaN, 0}, 1));
        assertThrows(IllegalArgumentException.class, () -> scorer.rankBy(f, new double[2], 1));
    }
}
