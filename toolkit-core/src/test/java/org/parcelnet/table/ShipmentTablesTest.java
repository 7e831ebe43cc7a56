package org.parcelnet.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;

import tech.tablesaw.api.Table;

class ShipmentTablesTest {

    static ShipmentTable table() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        b.add("S1", 1740787200L, "云南", "瑞丽", "云南", "昆明", "1", "2", "", "", "", "", "顺丰", TransportMode.LAND, 2, 20, "", true);
        b.add("S2", 1740787200L + 3600, "云南", "瑞丽", "四川", "成都", "1", "3", "", "", "", "", "顺丰", TransportMode.AIR, 2, 20, "", false);
        b.add("S3", 1740787200L + 86400, "广西", "东兴", "四川", "成都", "4", "3", "", "", "", "", "中通", TransportMode.LAND, 5, Double.NaN, "", false);
        return b.build();
    }

    @Test
    void wholeTableAndSummaries() {
        ShipmentTable t = table();
        Table all = ShipmentTables.toTable(t);
        assertEquals(3, all.rowCount());
        assertEquals(18, all.columnCount());
        assertEquals(1, all.doubleColumn("weight_kg").countMissing());
        Table prov = ShipmentTables.perProvince(t, false);
        assertEquals("云南", prov.stringColumn("origin_province").get(0));
        assertEquals(2L, prov.longColumn("shipments").get(0));
        assertEquals(1L, prov.longColumn("flagged").get(0));
        Table dest = ShipmentTables.perProvince(t, true);
        assertEquals("四川", dest.stringColumn("destination_province").get(0));
        assertEquals(7L, dest.longColumn("pieces").get(0));
        Table day = ShipmentTables.perDay(t);
        assertEquals(2, day.rowCount());
        assertEquals(2L, day.longColumn("shipments").get(0));
        Table car = ShipmentTables.perCarrier(t);
        assertEquals("顺丰", car.stringColumn("carrier").get(0));
    }
}
