package com.smartfile.emulator;

/**
 * The {@code ?format=} switch of the API: SmartFile rendered other formats too (xml, csv…), the
 * emulator renders JSON only, so {@code format=json} (any case) is taken and anything else is
 * refused with 406 rather than silently answered in JSON.
 */
final class Formats {

    private Formats() {
    }

    /**
     * Refuses a {@code format} the emulator does not render.
     *
     * @param req the request
     * @throws ApiException 406 naming the format
     */
    static void check(ApiRequest req) throws ApiException {
        for (String format : req.query().all("format")) {
            if (!format.equalsIgnoreCase("json")) {
                String shown = format.length() > 40 ? format.substring(0, 40) + "…" : format;
                throw ApiException.detail(406, "The emulator renders only format=json; format=" + shown
                        + " is not emulated (the real API also rendered other formats). Leave format out or use json.");
            }
        }
    }
}
