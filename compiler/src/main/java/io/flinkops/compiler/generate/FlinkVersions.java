package io.flinkops.compiler.generate;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flink versions: CRD enum names ({@code v1_17}) and the full versions in image tags and plugin jars. */
public final class FlinkVersions {
    /** The newest patch release of each minor, used when the image tag does not say. */
    private static final Map<String, String> LATEST_PATCH = Map.of(
            "v1_13", "1.13.6", "v1_14", "1.14.6", "v1_15", "1.15.4", "v1_16", "1.16.3",
            "v1_17", "1.17.2", "v1_18", "1.18.1", "v1_19", "1.19.1", "v1_20", "1.20.0");
    private static final Pattern TAG_VERSION = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?![\\d.])");

    private FlinkVersions() {}

    /** The tag of an image reference, or empty when it has none (or only a digest). */
    public static Optional<String> tag(String image) {
        if (image == null) {
            return Optional.empty();
        }
        String ref = image;
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > slash ? Optional.of(ref.substring(colon + 1)) : Optional.empty();
    }

    /** The {@code major.minor[.patch]} at the start of an image tag, if any. */
    public static Optional<String> versionInTag(String image) {
        Optional<String> tag = tag(image);
        if (tag.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = TAG_VERSION.matcher(tag.get());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(3) == null ? m.group(1) + "." + m.group(2) : m.group(1) + "." + m.group(2) + "." + m.group(3));
    }

    /** {@code 1.17.2} to {@code v1_17}. */
    public static String enumName(String version) {
        String[] parts = version.split("\\.");
        return "v" + parts[0] + "_" + parts[1];
    }

    /** The full version for plugin jar names: from the image tag when it matches, else the newest patch. */
    public static String fullVersion(String flinkVersion, String image) {
        Optional<String> inTag = versionInTag(image);
        if (inTag.isPresent() && inTag.get().split("\\.").length == 3 && enumName(inTag.get()).equals(flinkVersion)) {
            return inTag.get();
        }
        return LATEST_PATCH.getOrDefault(flinkVersion, flinkVersion.replace("v", "").replace('_', '.') + ".0");
    }

    /** Flink 1.17 renamed {@code high-availability} to {@code high-availability.type}. */
    public static boolean newerOrEqual(String flinkVersion, int minor) {
        try {
            return Integer.parseInt(flinkVersion.substring(flinkVersion.indexOf('_') + 1)) >= minor;
        } catch (RuntimeException e) {
            return true;
        }
    }
}
