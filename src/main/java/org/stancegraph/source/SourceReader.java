package org.stancegraph.source;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * One input format. Every reader is listed once in {@link SourceReaders#ALL}; {@link Sources} picks
 * the one whose extension the file name carries (after any compression suffix), opens and, where the
 * content says so, decompresses the file, and hands the reader its bytes.
 *
 * <p>A reader never throws for bad input: what it cannot read goes to {@code problems}, naming the
 * file and the place, and it goes on with the next record where the format allows.
 */
interface SourceReader {

    /** The label recorded as the article's format ("text", "html", "jsonl", "warc", "feed", "csv"). */
    String format();

    /** File extensions, lower case without the dot, that select this reader. */
    List<String> extensions();

    /** Reads every record of {@code input}, passing each to {@code records} as soon as it is read. */
    void read(SourceInput input, SourceOptions options, Consumer<SourceRecord> records,
              Consumer<SourceProblem> problems) throws IOException;
}
