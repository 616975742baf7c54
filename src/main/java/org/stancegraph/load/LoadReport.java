package org.stancegraph.load;

import java.util.List;

import org.stancegraph.source.SourceProblem;
import org.stancegraph.store.Store;

/**
 * What a load did: how many articles were added, replaced, re-extracted (stored before with other
 * knowledge files) or already there, how many statements the store holds for them after the load,
 * every input that was skipped, with its reason (and every warning about one read with a flaw, such as a
 * date not understood), every article stored without some of its statements or mentions because it
 * reached the {@link ExtractionLimits}, and every replacement of an article by one of the same id read from another source (counted in {@code replaced} too).
 */
public record LoadReport(int files, int added, int replaced, int unchanged, int reextracted, long statements,
                         List<SourceProblem> problems, List<SourceProblem> limited, List<Store.Displacement> displaced) {
    public int articles() {
        return added + replaced + unchanged + reextracted;
    }

    /** Whether an input (a file or a record) was skipped: an error, not a warning. */
    public boolean skippedSomething() {
        return problems.stream().anyMatch(SourceProblem::isError);
    }

    /** Inputs skipped: the problems that are errors. */
    public long skipped() {
        return problems.stream().filter(SourceProblem::isError).count();
    }

    /** Inputs read and kept with a flaw, such as a date not understood. */
    public long warnings() {
        return problems.size() - skipped();
    }
}
