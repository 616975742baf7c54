package org.stancegraph;

import java.nio.file.Path;
import java.util.function.Function;

import org.apache.jena.sparql.core.DatasetGraph;
import org.stancegraph.store.Store;

/**
 * Opens a database that a child process wrote, reads it, and lets go of it entirely, so that the
 * next child process can lock it again. (TDB2 keeps a database open in a JVM-wide cache after
 * {@code close()}; expelling it releases the directory's lock.)
 */
public final class StoreOnDisk {

    private StoreOnDisk() {
    }

    public static <T> T read(Path directory, Function<DatasetGraph, T> action) {
        Store store = Store.open(directory);
        try {
            return store.read(action);
        } finally {
            store.closeAndRelease();
        }
    }
}
