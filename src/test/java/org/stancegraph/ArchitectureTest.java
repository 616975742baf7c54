package org.stancegraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layout follows the data, and arrows point down the pipeline: a stage may use the
 * stages below it, never one above it or a peer of its own rank. The ranks are written here once;
 * a new package must be given one (the last test fails until it is).
 */
class ArchitectureTest {

    /** Each package's rank, low to high: the order data flows in, with the vocabulary under everything. */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("vocab", 0),
            Map.entry("text", 1), Map.entry("source", 1),
            Map.entry("article", 2),
            Map.entry("actor", 3),
            Map.entry("stance", 4),
            Map.entry("knowledge", 5),
            Map.entry("graph", 6),
            Map.entry("store", 7),
            Map.entry("load", 8), Map.entry("query", 8),
            Map.entry("link", 9), Map.entry("evaluate", 9), Map.entry("export", 9),
            Map.entry("server", 10),
            Map.entry("bench", 11),
            Map.entry("cli", 12), Map.entry("spark", 12));

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.stancegraph");
        assertTrue(classes.size() > 50, "the main classes were found: " + classes.size());
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.stancegraph.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyArrowPointsToALowerStage() {
        List<String> upward = new ArrayList<>();
        for (JavaClass origin : classes) {
            String from = stage(origin);
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                String to = stage(d.getTargetClass());
                if (to != null && from != null && !to.equals(from) && RANK.get(to) >= RANK.get(from)) {
                    upward.add(from + " -> " + to + ": " + d.getDescription());
                }
            }
        }
        assertEquals(List.of(), upward.stream().distinct().sorted().limit(20).toList());
    }

    @Test
    void onlyTheStoreOpensTheDatabase() {
        noClasses().that().resideOutsideOfPackage("org.stancegraph.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.jena.tdb2..", "org.apache.jena.dboe..")
                .because("everything that writes the store goes through store/, which keeps the summary and fingerprints consistent")
                .check(classes);
    }

    @Test
    void everyPackageHasARank() {
        Set<String> unranked = new TreeSet<>();
        for (JavaClass c : classes) {
            String stage = stage(c);
            if (stage == null && c.getPackageName().startsWith("org.stancegraph")) {
                unranked.add(c.getPackageName());
            } else if (stage != null && !RANK.containsKey(stage)) {
                unranked.add(stage);
            }
        }
        assertEquals(Set.of(), unranked, "give each package a rank in ArchitectureTest.RANK");
    }

    /** The stage of a project class (the package under org.stancegraph), or null for other classes. */
    private static String stage(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith("org.stancegraph.")) {
            return null;
        }
        String rest = name.substring("org.stancegraph.".length());
        int dot = rest.indexOf('.');
        String stage = dot < 0 ? rest : rest.substring(0, dot);
        return RANK.containsKey(stage) ? stage : (c.getPackageName().equals("org.stancegraph") ? null : stage);
    }
}
