package org.parcelnet.roles;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parcelnet.io.Csv;
import org.parcelnet.io.InputException;

/**
 * {@link PlaceFacts} from a list an investigator supplies: a CSV {@code province,city,kind} where
 * kind is {@code entry} (a border entry city; marks its province as a border province too),
 * {@code border} (a border province; city empty) or {@code transit} (a transit province; city
 * empty). Names are compared exactly as they appear in the shipments.
 */
public final class PlaceList implements PlaceFacts, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<String> entries;
    private final Set<String> borderProvinces;
    private final Set<String> transitProvinces;

    private PlaceList(Set<String> entries, Set<String> borderProvinces, Set<String> transitProvinces) {
        this.entries = Set.copyOf(entries);
        this.borderProvinces = Set.copyOf(borderProvinces);
        this.transitProvinces = Set.copyOf(transitProvinces);
    }

    /** Builds a list from entry places ({@code province/city}), border provinces and transit provinces. */
    public static PlaceList of(Set<String> entryPlaces, Set<String> borderProvinces, Set<String> transitProvinces) {
        Set<String> border = new HashSet<>(borderProvinces);
        for (String e : entryPlaces) {
            int slash = e.indexOf('/');
            if (slash <= 0) {
                throw new IllegalArgumentException("entry place must be province/city, got '" + e + "'");
            }
            border.add(e.substring(0, slash));
        }
        return new PlaceList(entryPlaces, border, transitProvinces);
    }

    /** Reads {@code province,city,kind} rows (header required). */
    public static PlaceList read(Path file) throws IOException {
        Set<String> entry = new HashSet<>();
        Set<String> border = new HashSet<>();
        Set<String> transit = new HashSet<>();
        Csv.Opened opened = Csv.open(file);
        try (Reader r = opened.reader();
             CSVParser p = CSVParser.builder().setReader(r)
                     .setFormat(Csv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            Map<String, Integer> header = p.getHeaderMap();
            for (String col : new String[] {"province", "city", "kind"}) {
                if (!header.containsKey(col)) {
                    throw new InputException(file.toString(), 1, 1, "missing column '" + col + "'", "");
                }
            }
            for (CSVRecord rec : p) {
                String province = rec.get("province").trim();
                String city = rec.get("city").trim();
                String kind = rec.get("kind").trim().toLowerCase(Locale.ROOT);
                long line = rec.getRecordNumber() + 1;
                if (province.isEmpty()) {
                    throw new InputException(file.toString(), line, header.get("province") + 1, "empty province", "");
                }
                switch (kind) {
                    case "entry" -> {
                        if (city.isEmpty()) {
                            throw new InputException(file.toString(), line, header.get("city") + 1,
                                    "an entry place needs a city", "");
                        }
                        entry.add(province + "/" + city);
                    }
                    case "border" -> border.add(province);
                    case "transit" -> transit.add(province);
                    default -> throw new InputException(file.toString(), line, header.get("kind") + 1,
                            "kind must be entry, border or transit", kind);
                }
            }
        }
        return of(entry, border, transit);
    }

    @Override
    public boolean isBorderEntry(String province, String city) {
        return entries.contains(province + "/" + city);
    }

    @Override
    public boolean isBorderProvince(String province) {
        return borderProvinces.contains(province);
    }

    @Override
    public boolean isTransitProvince(String province) {
        return transitProvinces.contains(province);
    }
}
