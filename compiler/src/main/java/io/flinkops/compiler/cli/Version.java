package io.flinkops.compiler.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (development builds say "dev"). */
public final class Version implements IVersionProvider {
    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"flinkops " + get(), "operator CRDs built in: " + String.join(", ", io.flinkops.compiler.schema.CrdSchemas.BUILT_IN)};
    }
}
