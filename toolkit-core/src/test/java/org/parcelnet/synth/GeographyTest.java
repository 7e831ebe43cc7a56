package org.parcelnet.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GeographyTest {

    @Test
    void thirtyOneDivisionsWithCapitalFirstAndUniqueNames() {
        assertEquals(31, Geography.provinces().size());
        Set<String> names = new HashSet<>();
        double population = 0;
        for (Geography.Province p : Geography.provinces()) {
            assertTrue(names.add(p.name()), p.name());
            assertTrue(p.cities().get(0).capital());
            assertEquals(p.capital(), p.cities().get(0).name());
            population += p.population();
            for (Geography.City c : p.cities()) {
                // mainland China lies within these bounds
                assertTrue(c.lat() > 18 && c.lat() < 54, c.name());
                assertTrue(c.lon() > 73 && c.lon() < 135, c.name());
            }
        }
        // 2020 census: 1,411.78 million in the 31 divisions; rounded figures agree within 0.5 %
        assertEquals(1411.78, population, 7.0);
        assertEquals("Kunming", Geography.province("yunnan").capital());
        assertEquals("Nanning", Geography.province("Guangxi").capital());
        assertEquals("Urumqi", Geography.province("Xinjiang").capital());
    }

    @Test
    void borderEntriesTransitHubsAndProvinces() {
        assertTrue(Geography.isBorderEntry("Yunnan", "Ruili"));
        assertTrue(Geography.isBorderEntry("Yunnan", "Hekou"));
        assertTrue(Geography.isBorderEntry("Guangxi", "Pingxiang"));
        assertTrue(Geography.isBorderEntry("Guangxi", "Dongxing"));
        assertTrue(Geography.isBorderEntry(" xinjiang ", "HORGOS"));
        assertFalse(Geography.isBorderEntry("Yunnan", "Kunming"));
        assertFalse(Geography.isBorderEntry("Nowhere", "Ruili"));
        assertTrue(Geography.isBorderProvince("Yunnan"));
        assertTrue(Geography.isBorderProvince("Guangxi"));
        assertTrue(Geography.isBorderProvince("Xinjiang"));
        assertFalse(Geography.isBorderProvince("Guangdong"));
        assertFalse(Geography.isBorderProvince("Beijing"));
        assertTrue(Geography.isTransitProvince("Yunnan"));
        assertTrue(Geography.isTransitProvince("Guangxi"));
        assertTrue(Geography.isTransitProvince("Guangdong"));
        assertFalse(Geography.isTransitProvince("Xinjiang"));
        List<String> hubs = Geography.transitHubs().stream().map(Geography.City::name).sorted().toList();
        assertEquals(List.of("Dongguan", "Guangzhou", "Kunming", "Nanning", "Shenzhen"), hubs);
        assertTrue(Geography.isTransitHub("Guangdong", "Dongguan"));
        assertTrue(Geography.borderEntries().size() >= 5);
    }

    @Test
    void chineseNamesAndAdministrativeSuffixes() {
        assertTrue(Geography.isBorderEntry("云南", "瑞丽"));
        assertTrue(Geography.isBorderEntry("云南省", "瑞丽市"));
        assertTrue(Geography.isBorderEntry("广西壮族自治区", "东兴市"));
        assertTrue(Geography.isBorderEntry("Xinjiang Uyghur Autonomous Region", "Horgos"));
        assertTrue(Geography.isTransitProvince("广东省"));
        assertTrue(Geography.isBorderProvince("新疆维吾尔自治区"));
        assertEquals(Geography.coordinates("Yunnan", "Kunming"), Geography.coordinates("云南", "昆明"));
        assertEquals(Geography.coordinates("Shaanxi", "Xi'an"), Geography.coordinates("陕西省", "西安市"));
        assertEquals(Geography.coordinates("Shaanxi", "Xi'an"), Geography.coordinates("Shaanxi", "Xian"));
        assertEquals("内蒙古", Geography.province("Inner Mongolia Autonomous Region").chineseName());
        assertEquals("玉林", Geography.city("Guangxi", "Yulin").chineseName());
        assertEquals("榆林", Geography.city("Shaanxi", "Yulin").chineseName());
        assertEquals(Geography.city("Shaanxi", "Yulin"), Geography.city("陕西", "榆林"));
        for (Geography.City c : Geography.cities()) {
            assertEquals(c, Geography.city(Geography.province(c.province()).chineseName(), c.chineseName()));
        }
    }

    /**
     * The further land ports are entry places wherever data names them, in pinyin or Chinese, with or
     * without "county"/"town" (县/镇), but the generator's world is the one above: its cities and
     * entry towns are unchanged, and a port does not make its province a border province.
     */
    @Test
    void furtherLandPortsAreEntryPlacesButNotGeneratorCities() {
        assertTrue(Geography.isBorderEntry("Yunnan", "Wanding"));
        assertTrue(Geography.isBorderEntry("云南省", "畹町镇"));
        assertTrue(Geography.isBorderEntry("Yunnan", "Mohan"));
        assertTrue(Geography.isBorderEntry("Guangxi Zhuang Autonomous Region", "Longzhou County"));
        assertTrue(Geography.isBorderEntry("内蒙古自治区", "二连浩特市"));
        assertTrue(Geography.isBorderEntry("Heilongjiang", "Suifenhe"));
        assertTrue(Geography.isBorderEntry("Tibet", "Gyirong"));
        assertFalse(Geography.isBorderEntry("Guangdong", "Wanding")); // a port is addressed with its province
        assertFalse(Geography.isBorderProvince("Heilongjiang"));
        assertEquals(-1, Geography.city("Inner Mongolia", "Erenhot").index());
        assertTrue(Geography.distanceKm("Yunnan", "Wanding", "Yunnan", "Ruili") < 40);
        List<String> entries = Geography.borderEntries().stream().map(Geography.City::name).sorted().toList();
        assertEquals(List.of("Dongxing", "Hekou", "Horgos", "Mengla", "Pingxiang", "Ruili", "Tengchong"), entries);
        for (Geography.City c : Geography.cities()) {
            assertTrue(c.index() >= 0);
        }
        // a name of both lists stays the generator's city
        assertEquals(Geography.city("Yunnan", "Tengchong"), Geography.cities().get(Geography.city("Yunnan", "Tengchong").index()));
    }

    @Test
    void sameCityNameInTwoProvinces() {
        Geography.City a = Geography.city("Guangxi", "Yulin");
        Geography.City b = Geography.city("Shaanxi", "Yulin");
        assertNotNull(a);
        assertNotNull(b);
        assertTrue(Geography.distanceKm("Guangxi", "Yulin", "Shaanxi", "Yulin") > 1500);
    }

    @Test
    void greatCircleDistances() {
        // Beijing–Shanghai city centres about 1,067 km apart by great circle
        assertEquals(1067, Geography.distanceKm("Beijing", "Beijing", "Shanghai", "Shanghai"), 10);
        // Guangzhou–Shenzhen about 104 km
        assertEquals(104, Geography.distanceKm("Guangdong", "Guangzhou", "Guangdong", "Shenzhen"), 5);
        // one degree of latitude on the mean sphere = 2*pi*R/360
        assertEquals(2 * Math.PI * Geography.EARTH_RADIUS_KM / 360, Geography.distanceKm(10, 100, 11, 100), 1e-9);
        assertEquals(0.0, Geography.distanceKm(25, 102, 25, 102), 0.0);
        // symmetric
        assertEquals(Geography.distanceKm("Yunnan", "Ruili", "Heilongjiang", "Harbin"),
                Geography.distanceKm("Heilongjiang", "Harbin", "Yunnan", "Ruili"), 1e-9);
        assertTrue(Double.isNaN(Geography.distanceKm("Yunnan", "Atlantis", "Beijing", "Beijing")));
    }

    @Test
    void coordinatesOrNull() {
        Geography.LatLon k = Geography.coordinates("Yunnan", "Kunming");
        assertEquals(25.04, k.lat(), 1e-9);
        assertEquals(102.71, k.lon(), 1e-9);
        assertNull(Geography.coordinates("Yunnan", "Atlantis"));
        assertNull(Geography.coordinates(null, "Kunming"));
        assertEquals(k, Geography.approximateCoordinates("Yunnan", "Atlantis"));
        assertNull(Geography.approximateCoordinates("Atlantis", "Atlantis"));
    }
}
