package org.stancegraph.load;

import java.util.List;

import org.stancegraph.source.SourceProblem;

/**
 * What a load did: how many articles were added, replaced, re-extracted (stored before with other
 * knowledge files) or already there, how many statements the store holds for them after the load,
 * and every input that was skipped, with its reason.
 */
public record LoadReport(int files, int added, int replaced, int unchanged, int reextracted, long statements,
                         List<SourceProblem> problems) {
    public int articles() {
        return added + replaced + unchanged + reextracted;
    }

    public boolean skippedSomething() {
        return !problems.isEmpty();
    }
}
