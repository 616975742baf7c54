package org.stancegraph.export;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Writes the files of one family of formats (all RDF syntaxes, the network tables, the
 * network as GraphML, ...). A new family is one class implementing this, registered in
 * {@link Exporter}.
 */
interface FormatFamily {

    /** The family this class writes. */
    ExportFormat.Family family();

    /** Writes one file (or more) per format in {@code formats}, all of this family. */
    List<ExportedFile> write(ExportContext context, Set<ExportFormat> formats) throws IOException;
}
