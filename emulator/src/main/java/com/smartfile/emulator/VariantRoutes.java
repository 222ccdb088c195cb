package com.smartfile.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /__emulator/variants}, beside the faults endpoint and under the same rules (loopback
 * callers, a loopback {@code Host}, no foreign {@code Origin}, JSON for a POST; checked by
 * {@link AdminRoutes} before it gets here). GET shows the {@link Variant}s played, DELETE goes back
 * to those the emulator was built with, POST sets them:
 * <pre>{@code
 * {"profile": "strict-2013",          // optional: every answer from a profile first
 *  "range": "200", "trailing-slash": "strict"}   // then single answers, by key
 * }</pre>
 * The body is checked whole before anything changes: an unknown key or value answers 400 and
 * changes nothing. Every reply shows the answers now played.
 */
final class VariantRoutes {

    private final Variants variants;

    VariantRoutes(Variants variants) {
        this.variants = variants;
    }

    void handle(ApiRequest req) throws IOException, ApiException {
        AdminRoutes.control(req, variants::reset, this::apply, variants::snapshot);
    }

    private void apply(ApiRequest req) throws IOException, ApiException {
        Map<?, ?> parsed = AdminRoutes.jsonObject(req);
        Profile profile = null;
        List<Variant> answers = new ArrayList<>();
        try {
            for (Map.Entry<?, ?> e : parsed.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof String)) {
                    throw new IllegalArgumentException(key + " must be a string, got " + e.getValue());
                }
                String value = (String) e.getValue();
                if (key.equals("profile")) {
                    profile = Profile.of(value);
                } else {
                    answers.add(Variant.of(key, value));
                }
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.detail(400, "Invalid variants: " + e.getMessage() + " Nothing was changed.");
        }
        if (profile != null) {
            variants.profile(profile);
        }
        variants.set(answers);
    }
}
