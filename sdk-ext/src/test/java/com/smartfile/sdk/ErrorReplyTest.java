package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one-line error message: one full stop between the server's words and the advice. */
class ErrorReplyTest {

    private static String message(int status, String summary, Map<String, List<String>> fields) {
        return new ErrorReply(status, "GET", "http://h/api/2/path/info/x/", summary, fields, null, "", summary).message();
    }

    @Test
    void aSummaryEndingInAFullStopGetsNoSecondOne() {
        assertEquals("SmartFile answered 404 to GET http://h/api/2/path/info/x/: Not found. "
                + "Check that the path or object exists and that the API version is right.", message(404, "Not found.", Map.of()));
    }

    @Test
    void aSummaryWithoutOneGetsOne() {
        assertEquals("SmartFile answered 404 to GET http://h/api/2/path/info/x/: Not found. "
                + "Check that the path or object exists and that the API version is right.", message(404, "Not found", Map.of()));
    }

    @Test
    void fieldErrorsEndingInAFullStopToo() {
        assertEquals("SmartFile answered 400 to GET http://h/api/2/path/info/x/: Bad request; src: None of the given paths exists. "
                + "Check the parameters named above.", message(400, "Bad request", Map.of("src", List.of("None of the given paths exists."))));
    }
}
