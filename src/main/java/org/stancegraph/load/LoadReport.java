package org.stancegraph.load;

import java.util.List;

import org.stancegraph.source.SourceProblem;

/**
 * What a load did: how many articles were added, replaced or already there, how many
 * statements they hold, every input that was skipped, with its reason, and every article
 * stored without some of its statements or mentions because it reached the {@link ExtractionLimits}.
 */
public record LoadReport(int files, int added, int replaced, int unchanged, long statements, List<SourceProblem> problems,
                         List<SourceProblem> limited) {
    public int articles() {
        return added + replaced + unchanged;
    }

    public boolean skippedSomething() {
        return !problems.isEmpty();
    }
}
