package org.parcelnet.privacy;

import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;

/** Small shipment tables for the privacy tests. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * Six shipments among five phones: 13800000001 → 13800000002 → 13800000003 (a relay), 13800000001
     * also ships to 13800000003, and 13900000009 ↔ 13900000008 are a separate pair. Names and addresses
     * are partly missing; one name equals a phone's text (domain separation).
     */
    static ShipmentTable table() {
        return new ShipmentTable.Builder()
                .add("W1", 1_709_251_200L + 3_600, "云南", "瑞丽", "四川", "成都", "13800000001", "13800000002",
                        "张三", "李四", "瑞丽市 姐告路 1号", "成都市 武侯区 2号", "SF", TransportMode.LAND, 2, 12.3, "tea", true)
                .add("W2", 1_709_251_200L + 90_000, "四川", "成都", "广东", "广州", "13800000002", "13800000003",
                        "李四", null, "成都市 武侯区 2号", null, "YTO", TransportMode.AIR, 1, 0.7, null, false)
                .add("W3", 1_709_251_200L + 7_200, "云南", "瑞丽", "广东", "广州", "13800000001", "13800000003",
                        "张三", "13800000001", null, "广州市 天河区 3号", "SF", TransportMode.LAND, 2, 24.0, "tea", false)
                .add("W4", 1_709_251_200L + 200_000, "北京", "北京", "上海", "上海", "13900000009", "13900000008",
                        null, null, null, null, null, TransportMode.UNKNOWN, 1, Double.NaN, null, false)
                .add("W5", 1_709_251_200L + 200_100, "上海", "上海", "北京", "北京", "13900000008", "13900000009",
                        "<script>alert(1)</script>", null, "上海 \"quoted\", comma", null, null, TransportMode.LAND, 3, 5.0,
                        "line1\nline2", false)
                .add("W6", 1_709_251_200L + 300_000, "云南", "瑞丽", "四川", "成都", "13800000001", "13800000002",
                        "张三", "李四", "瑞丽市 姐告路 1号", "成都市 武侯区 2号", "SF", TransportMode.LAND, 2, 1000.5, "tea", true)
                .build();
    }
}
