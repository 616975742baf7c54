package org.stancegraph.cli;

import org.jline.terminal.impl.exec.ExecTerminalProvider;
import org.jline.terminal.spi.SystemStream;
import org.stancegraph.load.Loader;

/** What {@code load} and {@code start} show while loading; {@code auto} picks by where standard error goes. */
enum ProgressChoice {
    /** The bar on a terminal, timed lines otherwise. */
    AUTO,
    NONE,
    BAR,
    LINES,
    TIMED;

    /** The loader's progress for this choice; {@code auto} asks whether standard error is a terminal. */
    Loader.Progress resolve() {
        return switch (this) {
            case AUTO -> standardErrorIsTerminal() ? Loader.Progress.BAR : Loader.Progress.TIMED;
            case NONE -> Loader.Progress.NONE;
            case BAR -> Loader.Progress.BAR;
            case LINES -> Loader.Progress.LINES;
            case TIMED -> Loader.Progress.TIMED;
        };
    }

    /**
     * A bar redrawn with carriage returns is only readable on a terminal; in a file or a pipe it is the same line
     * over and over. No console means standard input or output is redirected, which is the cheap answer; with one,
     * jline asks the system about standard error itself (Java 17 cannot).
     */
    static boolean standardErrorIsTerminal() {
        return System.console() != null && new ExecTerminalProvider().isSystemStream(SystemStream.Error);
    }
}
