package org.filmpalette.cli;

import org.filmpalette.job.Version;

import picocli.CommandLine.IVersionProvider;

/** Supplies {@code --version} from the build. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"filmpalette " + Version.current()};
    }
}
