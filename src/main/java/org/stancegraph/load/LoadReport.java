package org.stancegraph.load;

import java.util.List;

import org.stancegraph.source.SourceProblem;

/**
 * What a load did: how many articles were added, replaced or already there, how many
 * statements they hold, and every input that was skipped, with its reason.
 */
public record LoadReport(int files, int added, int replaced, int unchanged, long statements, List<SourceProblem> problems) {
    public int articles() {
        return added + replaced + unchanged;
    }

    public boolean skippedSomething() {
        return !problems.isEmpty();
    }
}
