package org.stancegraph.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param files       the data files, in the order written
 * @param description the VoID/DCAT description beside them
 * @param articles    how many article graphs were exported
 */
public record ExportResult(List<ExportedFile> files, Path description, int articles) {
    public ExportResult {
        files = List.copyOf(files);
    }
}
