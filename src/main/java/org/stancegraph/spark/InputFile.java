package org.stancegraph.spark;

import java.io.Serializable;

/**
 * One file of the corpus, as the driver lists it for the executors.
 *
 * @param path   the file, as a Hadoop path string (a local file is given as a {@code file:} URI)
 * @param source where the file came from, as {@code load} records it with its articles ({@code dcterms:source})
 */
record InputFile(String path, String source) implements Serializable {}
