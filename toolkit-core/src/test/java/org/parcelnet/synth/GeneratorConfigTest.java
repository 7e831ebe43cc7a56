package org.parcelnet.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    private static String error(UnaryOperator<GeneratorConfig.Builder> change) {
        return assertThrows(IllegalArgumentException.class, () -> change.apply(GeneratorConfig.builder()).build())
                .getMessage();
    }

    @Test
    void defaultsAreDocumented() {
        GeneratorConfig c = GeneratorConfig.builder().build();
        assertEquals(50_000, c.shipments());
        assertEquals(8, c.rings());
        assertEquals(20, c.minRingSize());
        assertEquals(150, c.maxRingSize());
        assertEquals(0.05, c.ringShare());
        assertEquals(0.05, c.innocentShare());
        assertEquals(0.02, c.flaggedShare());
        assertEquals(100, c.hubs());
        assertEquals(0.3, c.hubShare());
        assertEquals(0.1, c.phoneChurn());
        assertEquals(0.01, c.mixing());
        assertEquals(4, c.relayMaxDays());
        assertEquals(LocalDate.of(2024, 1, 1), c.startDate());
        assertEquals(365, c.spanDays());
        assertEquals(1, c.seed());
        assertEquals(333, c.effectiveMerchants());
        assertEquals(25_000, c.effectiveIndividuals());
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void everyKnobIsValidatedWithItsNameRangeAndValue() {
        assertEquals("shipments must be between 1 and 200000000, got 0", error(b -> b.shipments(0)));
        assertEquals("rings must be between 0 and 10000, got -1", error(b -> b.rings(-1)));
        assertEquals("minRingSize must be between 4 and 100000, got 3", error(b -> b.minRingSize(3)));
        assertEquals("maxRingSize must be between minRingSize (20) and 100000, got 10", error(b -> b.maxRingSize(10)));
        assertEquals("ringShare must be between 0 and 0.5, got 0.6", error(b -> b.ringShare(0.6)));
        assertEquals("ringShare must be between 0 and 0.5, got NaN", error(b -> b.ringShare(Double.NaN)));
        assertEquals("innocentShare must be between 0 and 1, got 1.5", error(b -> b.innocentShare(1.5)));
        assertEquals("flaggedShare must be between 0 and 1, got -0.1", error(b -> b.flaggedShare(-0.1)));
        assertEquals("hubs must be between 0 and 1000000, got -5", error(b -> b.hubs(-5)));
        assertEquals("hubShare must be between 0 and 1, got 2.0", error(b -> b.hubShare(2)));
        assertEquals("phoneChurn must be between 0 and 10, got 11.0", error(b -> b.phoneChurn(11)));
        assertEquals("mixing must be between 0 and 1, got 1.01", error(b -> b.mixing(1.01)));
        assertEquals("relayMaxDays must be between 1 and 30, got 0", error(b -> b.relayMaxDays(0)));
        assertEquals("spanDays must be between 7 and 3660, got 6", error(b -> b.spanDays(6)));
        assertEquals("spanDays must be at least 3 × relayMaxDays + 2 = 32 so a consignment fits, got 20",
                error(b -> b.relayMaxDays(10).spanDays(20)));
        assertEquals("merchants must be between 0 and 50000000, got -1", error(b -> b.merchants(-1)));
        assertEquals("individuals must be between 0 and 500000000, got -1", error(b -> b.individuals(-1)));
        assertEquals("startDate must not be null",
                assertThrows(NullPointerException.class, () -> GeneratorConfig.builder().startDate(null).build())
                        .getMessage());
    }

    @Test
    void combinationsAreChecked() {
        assertEquals("ringShare × shipments = 50 ring parcels is too few for 8 rings (need at least 30 per ring):"
                + " raise shipments or ringShare, or lower rings", error(b -> b.shipments(1000)));
        assertEquals("ringShare × (1 + innocentShare + customerLeakage / 2 + memberPurchases) must be at most 0.75"
                + " to leave room for background traffic, got 0.5 × 2.0", error(b -> b.ringShare(0.5).innocentShare(1)));
        assertEquals("ringShare × (1 + innocentShare + customerLeakage / 2 + memberPurchases) must be at most 0.75"
                + " to leave room for background traffic, got 0.3 × 2.55",
                error(b -> b.ringShare(0.3).innocentShare(0.05).customerLeakage(1).memberPurchases(1)));
        assertEquals("rings × maxRingSize must be at most 10000000 ring members, got 10000 × 100000",
                error(b -> b.shipments(200_000_000).rings(10_000).maxRingSize(100_000).ringShare(0.5)));
        // no rings: any share is fine
        assertEquals(0, GeneratorConfig.builder().rings(0).shipments(10).build().rings());
    }
}
