package org.stancegraph.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.stancegraph.stance.StanceClass;

/**
 * The who-supports-whom network laid out and drawn as a list of simple shapes, which
 * {@link NetworkImageFiles} writes as SVG or PNG. Same look as the explorer page: states
 * are circles, de-facto states diamonds, organisations rounded squares, military alliances
 * hexagons, people triangles; support green, opposition red, denial purple, ally dashed
 * brown, member dotted grey; node size by positions taken, edge width by statements.
 *
 * <p>The layout is deterministic: nodes start on a circle in IRI order and a fixed number
 * of force-directed steps (Fruchterman–Reingold, no randomness) spread them out.
 */
record NetworkPicture(int width, int height, List<Shape> shapes) {

    static final int WIDTH = 1200;
    static final int GRAPH_HEIGHT = 760;
    static final int LEGEND_HEIGHT = 70;
    private static final int MARGIN = 90;
    /** Room at the sides for the longest labels, which are centred under their nodes. */
    private static final int SIDE_MARGIN = 170;
    private static final int ITERATIONS = 400;

    /** Something drawn; colours are CSS hex strings, dash is "" for a solid line. */
    sealed interface Shape permits Line, Polygon, Ellipse, Text {}

    record Line(double x1, double y1, double x2, double y2, String colour, double width, String dash) implements Shape {}

    record Polygon(double[] xs, double[] ys, String fill, String stroke) implements Shape {}

    record Ellipse(double cx, double cy, double r, String fill, String stroke) implements Shape {}

    record Text(double x, double y, String text, int size, boolean bold, String colour, boolean centred) implements Shape {}

    private record EdgeLook(String colour, String dash, boolean arrow, String legend) {}

    private static final Map<String, EdgeLook> EDGE_LOOKS = Map.of(
            StanceClass.SUPPORT.key(), new EdgeLook("#2e7d32", "", true, "support"),
            StanceClass.OPPOSE.key(), new EdgeLook("#c62828", "", true, "oppose"),
            StanceClass.DENY.key(), new EdgeLook("#8e24aa", "", true, "deny"),
            StanceClass.ALLY.key(), new EdgeLook("#6d4c41", "8 5", false, "allied with"),
            StanceClass.MEMBER.key(), new EdgeLook("#7b8794", "2 4", true, "member of"));
    private static final List<String> EDGE_ORDER = Stream.of(StanceClass.SUPPORT, StanceClass.OPPOSE, StanceClass.DENY,
            StanceClass.ALLY, StanceClass.MEMBER).map(StanceClass::key).toList();

    private record NodeLook(String shape, String fill, String legend) {}

    private static final Map<String, NodeLook> NODE_LOOKS = Map.of(
            "State", new NodeLook("circle", "#90caf9", "state"),
            "DeFactoState", new NodeLook("diamond", "#ffcc80", "de-facto state"),
            "InternationalOrganisation", new NodeLook("square", "#a5d6a7", "international organisation"),
            "MilitaryAlliance", new NodeLook("hexagon", "#81c784", "military alliance"),
            "OrganisationBody", new NodeLook("square", "#e6ee9c", "organisation body"),
            "ArmedGroup", new NodeLook("diamond", "#bcaaa4", "armed group"),
            "Person", new NodeLook("triangle", "#f48fb1", "person"),
            "", new NodeLook("circle", "#cfd8dc", "other"));
    private static final List<String> NODE_ORDER = List.of("State", "DeFactoState", "InternationalOrganisation",
            "MilitaryAlliance", "OrganisationBody", "ArmedGroup", "Person", "");
    private static final String OUTLINE = "#486581";
    private static final String INK = "#102a43";

    /** Lays out and draws {@code network}. */
    static NetworkPicture of(Network network) {
        List<Network.Actor> nodes = network.nodes();
        Map<String, double[]> at = layout(network);
        Map<String, Double> radius = new TreeMap<>();
        nodes.forEach(n -> radius.put(n.id(), 9 + 4.5 * Math.sqrt(n.statementsAsActor())));

        List<Shape> shapes = new ArrayList<>();
        // Edges between the same two actors run side by side, in a fixed order.
        Map<String, List<Network.Edge>> byPair = new TreeMap<>();
        for (Network.Edge e : network.edges()) {
            byPair.computeIfAbsent(pairKey(e), k -> new ArrayList<>()).add(e);
        }
        for (List<Network.Edge> pair : byPair.values()) {
            for (int i = 0; i < pair.size(); i++) {
                drawEdge(shapes, pair.get(i), (i - (pair.size() - 1) / 2.0) * 9, at, radius);
            }
        }
        for (Network.Actor n : nodes) {
            double[] p = at.get(n.id());
            NodeLook look = NODE_LOOKS.getOrDefault(n.type(), NODE_LOOKS.get(""));
            drawNode(shapes, look.shape(), p[0], p[1], radius.get(n.id()), look.fill());
            shapes.add(new Text(p[0], p[1] + radius.get(n.id()) + 15, n.label().isEmpty() ? n.id() : n.label(),
                    13, true, INK, true));
        }
        legend(shapes);
        return new NetworkPicture(WIDTH, GRAPH_HEIGHT + LEGEND_HEIGHT, List.copyOf(shapes));
    }

    private static String pairKey(Network.Edge e) {
        return e.source().compareTo(e.target()) < 0 ? e.source() + " " + e.target() : e.target() + " " + e.source();
    }

    private static void drawEdge(List<Shape> shapes, Network.Edge e, double offset, Map<String, double[]> at,
                                 Map<String, Double> radius) {
        EdgeLook look = EDGE_LOOKS.getOrDefault(e.stanceClass(), new EdgeLook("#627d98", "", true, e.stanceClass()));
        double[] s = at.get(e.source());
        double[] t = at.get(e.target());
        if (s == null || t == null || e.source().equals(e.target())) {
            return;
        }
        // The normal of the pair's canonical direction, so that A→B and B→A lie on opposite sides.
        boolean canonical = e.source().compareTo(e.target()) < 0;
        double dx = t[0] - s[0];
        double dy = t[1] - s[1];
        double length = Math.hypot(dx, dy);
        double ux = dx / length;
        double uy = dy / length;
        double nx = (canonical ? -uy : uy) * offset;
        double ny = (canonical ? ux : -ux) * offset;
        double rs = radius.get(e.source());
        double rt = radius.get(e.target()) + (look.arrow() ? 2 : 0);
        double x1 = s[0] + ux * rs + nx;
        double y1 = s[1] + uy * rs + ny;
        double x2 = t[0] - ux * rt + nx;
        double y2 = t[1] - uy * rt + ny;
        double width = 1.2 + 1.3 * Math.sqrt(e.statements());
        double head = 7 + width * 1.5;
        if (look.arrow()) {
            shapes.add(new Line(x1, y1, x2 - ux * head * 0.8, y2 - uy * head * 0.8, look.colour(), width, look.dash()));
            double bx = x2 - ux * head;
            double by = y2 - uy * head;
            shapes.add(new Polygon(new double[] {x2, bx - uy * head / 2, bx + uy * head / 2},
                    new double[] {y2, by + ux * head / 2, by - ux * head / 2}, look.colour(), look.colour()));
        } else {
            shapes.add(new Line(x1, y1, x2, y2, look.colour(), width, look.dash()));
        }
        shapes.add(new Text((x1 + x2) / 2 + nx * 0.3, (y1 + y2) / 2 + ny * 0.3 - 3, Long.toString(e.statements()),
                10, false, "#334e68", true));
    }

    private static void drawNode(List<Shape> shapes, String shape, double x, double y, double r, String fill) {
        switch (shape) {
            case "circle" -> shapes.add(new Ellipse(x, y, r, fill, OUTLINE));
            case "diamond" -> shapes.add(regular(x, y, r * 1.15, 4, Math.PI / 2, fill));
            case "hexagon" -> shapes.add(regular(x, y, r, 6, 0, fill));
            case "triangle" -> shapes.add(regular(x, y, r * 1.15, 3, -Math.PI / 2, fill));
            default -> shapes.add(regular(x, y, r * 1.2, 4, Math.PI / 4, fill));     // a square
        }
    }

    private static Polygon regular(double x, double y, double r, int corners, double start, String fill) {
        double[] xs = new double[corners];
        double[] ys = new double[corners];
        for (int i = 0; i < corners; i++) {
            double angle = start + 2 * Math.PI * i / corners;
            xs[i] = x + r * Math.cos(angle);
            ys[i] = y + r * Math.sin(angle);
        }
        return new Polygon(xs, ys, fill, OUTLINE);
    }

    private static void legend(List<Shape> shapes) {
        double y = GRAPH_HEIGHT + 22;
        double x = 20;
        shapes.add(new Line(0, GRAPH_HEIGHT, WIDTH, GRAPH_HEIGHT, "#d9e2ec", 1, ""));
        for (String key : EDGE_ORDER) {
            EdgeLook look = EDGE_LOOKS.get(key);
            shapes.add(new Line(x, y - 4, x + 28, y - 4, look.colour(), 3, look.dash()));
            shapes.add(new Text(x + 34, y, look.legend(), 12, false, INK, false));
            x += 50 + 7.0 * look.legend().length();
        }
        shapes.add(new Text(WIDTH - 20 - 6.5 * 52, y, "Node size: positions taken. Edge width: statements.",
                12, false, "#627d98", false));
        y += 26;
        x = 20;
        for (String key : NODE_ORDER) {
            NodeLook look = NODE_LOOKS.get(key);
            drawNode(shapes, look.shape(), x + 7, y - 4, 7, look.fill());
            shapes.add(new Text(x + 20, y, look.legend(), 12, false, INK, false));
            x += 36 + 7.0 * look.legend().length();
        }
    }

    /** Positions by node id, inside the drawing area. */
    static Map<String, double[]> layout(Network network) {
        List<String> ids = network.nodes().stream().map(Network.Actor::id).toList();
        int n = ids.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / Math.max(n, 1);
            x[i] = Math.cos(angle);
            y[i] = Math.sin(angle);
        }
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            index.put(ids.get(i), i);
        }
        // One spring per pair of actors, however many edges join them, so that busy pairs are not drawn on top of each other.
        Map<String, int[]> springs = new TreeMap<>();
        for (Network.Edge e : network.edges()) {
            Integer a = index.get(e.source());
            Integer b = index.get(e.target());
            if (a != null && b != null && !a.equals(b)) {
                springs.put(pairKey(e), new int[] {a, b});
            }
        }
        List<int[]> links = List.copyOf(springs.values());
        // Fruchterman–Reingold in a unit square-ish space, cooling linearly.
        double k = 1.4 * Math.sqrt(4.0 / Math.max(n, 1));
        for (int step = 0; step < ITERATIONS && n > 1; step++) {
            double temperature = 0.1 * (1 - (double) step / ITERATIONS);
            double[] fx = new double[n];
            double[] fy = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = x[i] - x[j];
                    double dy = y[i] - y[j];
                    double d = Math.max(Math.hypot(dx, dy), 1e-3);
                    double push = k * k / d;
                    fx[i] += dx / d * push;
                    fy[i] += dy / d * push;
                    fx[j] -= dx / d * push;
                    fy[j] -= dy / d * push;
                }
            }
            for (int[] link : links) {
                double dx = x[link[0]] - x[link[1]];
                double dy = y[link[0]] - y[link[1]];
                double d = Math.max(Math.hypot(dx, dy), 1e-3);
                double pull = d * d / k;
                fx[link[0]] -= dx / d * pull;
                fy[link[0]] -= dy / d * pull;
                fx[link[1]] += dx / d * pull;
                fy[link[1]] += dy / d * pull;
            }
            for (int i = 0; i < n; i++) {
                // A weak pull to the centre keeps unconnected actors in the picture.
                fx[i] -= x[i] * 0.05;
                fy[i] -= y[i] * 0.05;
                double f = Math.max(Math.hypot(fx[i], fy[i]), 1e-9);
                x[i] += fx[i] / f * Math.min(f, temperature);
                y[i] += fy[i] / f * Math.min(f, temperature);
            }
        }
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        Map<String, double[]> positions = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double px = n == 1 ? WIDTH / 2.0 : SIDE_MARGIN + (x[i] - minX) / spanX * (WIDTH - 2 * SIDE_MARGIN);
            double py = n == 1 ? GRAPH_HEIGHT / 2.0 : MARGIN * 0.7 + (y[i] - minY) / spanY * (GRAPH_HEIGHT - 1.7 * MARGIN);
            positions.put(ids.get(i), new double[] {px, py});
        }
        return positions;
    }
}
