package com.smartfile.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the CLI's version, and the Java it runs on. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {
            "smartfile " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
