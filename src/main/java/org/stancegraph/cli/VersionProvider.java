package org.stancegraph.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so it is written in one place (pom.xml). */
final class VersionProvider implements CommandLine.IVersionProvider {
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"stancegraph " + version()};
    }
}
