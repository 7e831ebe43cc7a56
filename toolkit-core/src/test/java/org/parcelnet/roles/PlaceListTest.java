package org.parcelnet.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.InputException;

class PlaceListTest {

    @TempDir
    Path dir;

    @Test
    void readsKindsAndClassifies() throws Exception {
        Path f = dir.resolve("places.csv");
        Files.writeString(f, "province,city,kind\nYunnan,Ruili,entry\nGuizhou,,transit\nXinjiang,,border\n");
        PlaceList p = PlaceList.read(f);
        assertTrue(p.isBorderEntry("Yunnan", "Ruili"));
        assertFalse(p.isBorderEntry("Yunnan", "Kunming"));
        assertTrue(p.isBorderProvince("Yunnan"));
        assertTrue(p.isBorderProvince("Xinjiang"));
        assertTrue(p.isTransitProvince("Guizhou"));
        assertEquals(PlaceFacts.PlaceClass.ENTRY, p.classify("Yunnan", "Ruili"));
        assertEquals(PlaceFacts.PlaceClass.TRANSIT, p.classify("Yunnan", "Kunming"));
        assertEquals(PlaceFacts.PlaceClass.DESTINATION, p.classify("Hunan", "Changsha"));
    }

    @Test
    void badRowsNameTheLine() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "province,city,kind\nYunnan,Ruili,entry\nYunnan,,port\n");
        InputException e = assertThrows(InputException.class, () -> PlaceList.read(f));
        assertTrue(e.getMessage().contains(":3:3:"), e.getMessage());
        Path g = dir.resolve("nohead.csv");
        Files.writeString(g, "province,city\nYunnan,Ruili\n");
        assertThrows(InputException.class, () -> PlaceList.read(g));
    }
}
