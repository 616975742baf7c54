package org.stancegraph.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.store.Store;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The network pictures: valid SVG and PNG, the fixture's actors and edges on them, the same bytes every time. */
class NetworkImageFilesTest {
    private static final Set<ExportFormat> IMAGES = Set.of(ExportFormat.SVG, ExportFormat.PNG);

    @TempDir
    Path dir;

    @Test
    void svgIsXmlWithEveryActorAndEveryEdge() throws Exception {
        try (Store store = ExportFixture.store(false)) {
            Exporter.export(store, ExportOptions.of(dir, IMAGES));
            Network network = store.read(d -> Network.compute(d, ExportOptions.of(dir, IMAGES)));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document svg = factory.newDocumentBuilder().parse(dir.resolve("stancegraph.svg").toFile());
            assertEquals(NetworkImageFiles.SVG_NS, svg.getDocumentElement().getNamespaceURI());
            assertEquals("svg", svg.getDocumentElement().getLocalName());

            Set<String> texts = new HashSet<>();
            NodeList textElements = svg.getElementsByTagNameNS(NetworkImageFiles.SVG_NS, "text");
            for (int i = 0; i < textElements.getLength(); i++) {
                texts.add(textElements.item(i).getTextContent());
            }
            assertTrue(network.nodes().size() >= 4, "the fixture has a network");
            for (Network.Actor actor : network.nodes()) {
                assertTrue(texts.contains(actor.label()), "label drawn: " + actor.label());
            }
            // One line per edge, plus the legend's six (five edge kinds and the rule above it).
            int lines = svg.getElementsByTagNameNS(NetworkImageFiles.SVG_NS, "line").getLength();
            assertEquals(network.edges().size() + 6, lines);
        }
    }

    @Test
    void pngIsAReadableImageOfThePicturesSize() throws Exception {
        try (Store store = ExportFixture.store(false)) {
            Exporter.export(store, ExportOptions.of(dir, Set.of(ExportFormat.PNG)));
            BufferedImage image = ImageIO.read(dir.resolve("stancegraph.png").toFile());
            assertNotNull(image, "a PNG ImageIO can read");
            assertEquals(NetworkPicture.WIDTH, image.getWidth());
            assertEquals(NetworkPicture.GRAPH_HEIGHT + NetworkPicture.LEGEND_HEIGHT, image.getHeight());
            assertTrue(colours(image) > 10, "something is drawn, not a blank page");
        }
    }

    @Test
    void sameStoreGivesTheSameBytesWhateverTheLoadingOrder() throws Exception {
        List<byte[]> svgs = new ArrayList<>();
        List<byte[]> pngs = new ArrayList<>();
        for (boolean reversed : new boolean[] {false, true}) {
            try (Store store = ExportFixture.store(reversed)) {
                Path out = dir.resolve("run-" + reversed);
                Exporter.export(store, ExportOptions.of(out, IMAGES));
                svgs.add(Files.readAllBytes(out.resolve("stancegraph.svg")));
                pngs.add(Files.readAllBytes(out.resolve("stancegraph.png")));
            }
        }
        assertArrayEquals(svgs.get(0), svgs.get(1));
        assertArrayEquals(pngs.get(0), pngs.get(1));
        assertTrue(!new String(pngs.get(0), java.nio.charset.StandardCharsets.ISO_8859_1).contains("tIME"),
                "the PNG carries no time stamp");
    }

    @Test
    void layoutKeepsEveryNodeInsideTheDrawingArea() {
        try (Store store = ExportFixture.store(false)) {
            Network network = store.read(d -> Network.compute(d, ExportOptions.of(dir, IMAGES)));
            for (double[] p : NetworkPicture.layout(network).values()) {
                assertTrue(p[0] > 0 && p[0] < NetworkPicture.WIDTH && p[1] > 0 && p[1] < NetworkPicture.GRAPH_HEIGHT,
                        "inside: " + p[0] + "," + p[1]);
            }
        }
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
