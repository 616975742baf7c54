package org.stancegraph.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * Labels for the blank nodes of one graph that depend on the graph's content, not on
 * the labels the store happened to give them, so that two stores holding the same
 * graph export the same bytes.
 *
 * <p>The label is a hash refined by colour refinement (as in iterative graph hashing):
 * each blank node starts with the graph's name, and each round hashes its colour with
 * the sorted descriptions of its triples, where other blank nodes appear by their
 * current colour. Rounds stop when no class of equal colours splits any more. Blank
 * nodes that still share a colour are structurally alike at every depth the refinement
 * sees; they are numbered in the order of their store labels, which can only change the
 * output for graphs with such look-alike structures (none in StanceGraph's own data).
 */
final class CanonicalBlankNodes {
    private CanonicalBlankNodes() {}

    /** A label (valid in N-Triples, Turtle and JSON-LD) for every blank node of {@code triples}. */
    static Map<Node, String> labels(String graphName, List<Triple> triples) {
        Map<Node, List<Triple>> touching = new LinkedHashMap<>();
        for (Triple t : triples) {
            if (t.getSubject().isBlank()) {
                touching.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
            }
            if (t.getObject().isBlank() && !t.getObject().equals(t.getSubject())) {
                touching.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t);
            }
        }
        if (touching.isEmpty()) {
            return Map.of();
        }
        Map<Node, String> colour = new HashMap<>();
        String seed = sha256(graphName);
        touching.keySet().forEach(b -> colour.put(b, seed));
        int classes = 1;
        for (int round = 0; round < touching.size() + 1; round++) {
            Map<Node, String> next = new HashMap<>();
            for (Map.Entry<Node, List<Triple>> entry : touching.entrySet()) {
                Node node = entry.getKey();
                List<String> lines = new ArrayList<>();
                for (Triple t : entry.getValue()) {
                    if (t.getSubject().equals(node)) {
                        lines.add("+ " + term(t.getPredicate(), node, colour) + " " + term(t.getObject(), node, colour));
                    }
                    if (t.getObject().equals(node)) {
                        lines.add("- " + term(t.getSubject(), node, colour) + " " + term(t.getPredicate(), node, colour));
                    }
                }
                lines.sort(Comparator.naturalOrder());
                next.put(node, sha256(colour.get(node) + "\n" + String.join("\n", lines)));
            }
            colour.clear();
            colour.putAll(next);
            int nowClasses = new HashSet<>(colour.values()).size();
            if (nowClasses == classes && round > 0) {
                break;
            }
            classes = nowClasses;
        }
        return numberTies(colour);
    }

    private static Map<Node, String> numberTies(Map<Node, String> colour) {
        Map<String, List<Node>> byColour = new TreeMap<>();
        colour.forEach((node, c) -> byColour.computeIfAbsent(c, k -> new ArrayList<>()).add(node));
        Map<Node, String> labels = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, List<Node>> entry : byColour.entrySet()) {
            List<Node> nodes = entry.getValue();
            nodes.sort(Comparator.comparing(Node::getBlankNodeLabel));
            String stem = "b" + entry.getKey().substring(0, 16);
            for (int i = 0; i < nodes.size(); i++) {
                String label = nodes.size() == 1 ? stem : stem + "x" + i;
                if (!used.add(label)) {
                    throw new IllegalStateException("blank node label collision " + label);
                }
                labels.put(nodes.get(i), label);
            }
        }
        return labels;
    }

    private static String term(Node n, Node self, Map<Node, String> colour) {
        if (n.equals(self)) {
            return "_:self";
        }
        return n.isBlank() ? "_:" + colour.get(n) : NodeFmtLib.strNT(n);
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
