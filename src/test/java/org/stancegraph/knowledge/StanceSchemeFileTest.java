package org.stancegraph.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.stance.Stance;
import org.stancegraph.stance.StanceClass;
import org.stancegraph.stance.StanceScheme;

class StanceSchemeFileTest {

    private static final Path PROJECT_SCHEME = Path.of("ontology/stances.ttl");

    @Test
    void aFinerStanceTakesTheClassItIsNarrowerThanAndItsOwnCameoCode() {
        StanceScheme scheme = StanceSchemeFile.read(PROJECT_SCHEME);
        assertEquals(new Stance("accuse-of-aggression", StanceClass.OPPOSE, "1123"), scheme.find("accuse-of-aggression").orElseThrow());
        assertEquals(new Stance("call-for-ceasefire", StanceClass.APPEAL, "0256"), scheme.find("call-for-ceasefire").orElseThrow());
        for (StanceClass c : StanceClass.values()) {
            assertEquals(c, scheme.find(c.key()).orElseThrow().stanceClass(), "each class is a stance of itself");
        }
        assertTrue(scheme.find("member").orElseThrow().cameo().isEmpty(), "membership is no event and has no CAMEO code");
    }

    @Test
    void aSchemeWhoseClassesAreNotTheEnginesSevenIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path renamed = dir.resolve("stances.ttl");
        Files.writeString(renamed, Files.readString(PROJECT_SCHEME).replace("skos:notation \"mediate\"", "skos:notation \"broker\""));
        RdfFileException e = assertThrows(RdfFileException.class, () -> StanceSchemeFile.read(renamed));
        assertTrue(e.getMessage().startsWith(renamed.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'broker' is not one of the seven stance classes"), e.getMessage());
        assertTrue(e.getMessage().contains("[mediate] have no top concept"), e.getMessage());
    }

    @Test
    void aBrokenSchemeFileIsReportedWithItsPlace(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("stances.ttl"), "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> skos:notation \"x\" ] .\n");
        RdfFileException e = assertThrows(RdfFileException.class, () -> StanceSchemeFile.read(broken));
        assertTrue(e.getMessage().contains("stances.ttl") && e.getMessage().contains("line"), e.getMessage());
    }
}
