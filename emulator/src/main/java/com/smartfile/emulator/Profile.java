package com.smartfile.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A consistent group of {@link Variant}s: one answer to every open question, as one generation of
 * SmartFile's servers gave them (as far as the evidence shows; where it is silent, the profile says
 * so in {@link #description()}). {@link #DRF3_2023} is the emulator's default.
 */
public enum Profile {

    /** The latest evidence (the default): Django REST Framework 3 and the 2016-2023 v3 upload module. */
    DRF3_2023("drf3-2023", "The latest evidence, and the default: the Django REST Framework 3 stack the node client "
            + "(2016-2020) and 2023 scripts met. 206 for ranges, one object per v2 upload, v3 upload failures as 200 "
            + "{status, detail}, \"result\": {} for a task that succeeded, DRF 3 JSON errors, 429 + Retry-After, "
            + "lenient slashes, null keys present.",
            Variant.Range.PARTIAL, Variant.UploadReply.OBJECT, Variant.V3UploadFailure.OK_WITH_STATUS,
            Variant.TaskSuccess.NO_ERRORS, Variant.ErrorBodies.DRF3_JSON, Variant.Throttling.RETRY_AFTER,
            Variant.TrailingSlash.LENIENT, Variant.PathInfoNulls.PRESENT),

    /**
     * The 2012-2013 stack (Django REST Framework 0.x) the python, java and C# clients of that time
     * met; where that evidence is silent, the answer the default does not take.
     */
    STRICT_2013("strict-2013", "The 2012-2013 stack (Django REST Framework 0.x) the python, java and C# clients met: "
            + "503 + X-Throttle, the older 403 text for bad credentials, v2 URLs that need their trailing slash, null "
            + "keys present. Where the 2013 evidence is silent (the v2 upload reply, the task result, v3, which came "
            + "later), it takes the answer the default does not: an array per upload, \"errors\": {} on success, v3 "
            + "failures with their status code.",
            Variant.Range.PARTIAL, Variant.UploadReply.ARRAY, Variant.V3UploadFailure.HTTP_STATUS,
            Variant.TaskSuccess.EMPTY_ERRORS, Variant.ErrorBodies.DRF0_403, Variant.Throttling.X_THROTTLE_503,
            Variant.TrailingSlash.STRICT, Variant.PathInfoNulls.PRESENT),

    /** What the official node client's tests and history (2016-2020) show of the server. */
    NODE_2018("node-2018", "What the official node client's tests and history show (2016-2020): a ranged GET answered "
            + "200 with the whole file, one object per upload, v3 failures as 200 {status, detail}, \"result\": {}, "
            + "plain-text NOT FOUND, 429 + X-Throttle-Wait-Seconds (observed 2018), v3 URLs without and v2 collection "
            + "URLs with their trailing slash, no null keys (its mocks carry none).",
            Variant.Range.IGNORED, Variant.UploadReply.OBJECT, Variant.V3UploadFailure.OK_WITH_STATUS,
            Variant.TaskSuccess.NO_ERRORS, Variant.ErrorBodies.PLAIN_404, Variant.Throttling.WAIT_SECONDS,
            Variant.TrailingSlash.STRICT, Variant.PathInfoNulls.OMITTED);

    private final String id;
    private final String description;
    private final List<Variant> variants;

    Profile(String id, String description, Variant... variants) {
        this.id = id;
        this.description = description;
        this.variants = List.of(variants);
    }

    /**
     * The profile's name on the command line and in JSON, e.g. {@code strict-2013}.
     *
     * @return the name
     */
    public String id() {
        return id;
    }

    /**
     * What the profile stands for and where its choices come from.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Its answer to every question, in the order of {@link Variant#questions()}.
     *
     * @return the variants
     */
    public List<Variant> variants() {
        return variants;
    }

    /**
     * Finds a profile by its {@link #id()} (any case; the enum name works too).
     *
     * @param name e.g. {@code strict-2013}
     * @return the profile
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Profile of(String name) {
        String n = name == null ? "" : name.trim();
        List<String> known = new ArrayList<>();
        for (Profile p : values()) {
            if (p.id.equalsIgnoreCase(n) || p.name().equalsIgnoreCase(n.replace('-', '_'))) {
                return p;
            }
            known.add(p.id);
        }
        throw new IllegalArgumentException("Unknown emulator profile \"" + name + "\"; known: "
                + String.join(", ", known) + ".");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
