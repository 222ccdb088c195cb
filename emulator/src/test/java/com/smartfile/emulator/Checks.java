package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Assertion helpers shared by the tests. */
final class Checks {

    private Checks() {
    }

    /** Asserts a JSON reply with the given status and returns its object. */
    static Map<String, Object> json(Reply r, int status) {
        assertEquals(status, r.status, r::toString);
        assertEquals("application/json", r.header("Content-Type"), r::toString);
        return r.json();
    }

    /** Asserts a JSON array reply with the given status. */
    static List<Object> jsonList(Reply r, int status) {
        assertEquals(status, r.status, r::toString);
        assertEquals("application/json", r.header("Content-Type"), r::toString);
        return r.jsonList();
    }

    /** Asserts a {@code {"detail": …}} error and returns the detail. */
    static String detail(Reply r, int status) {
        Map<String, Object> body = json(r, status);
        Object detail = body.get("detail");
        if (!(detail instanceof String)) {
            fail("expected {\"detail\": …}, got " + r);
        }
        return (String) detail;
    }

    /** The statuses a task went through while polled, and its final state. */
    static final class Polled {
        final List<String> seen = new ArrayList<>();
        Map<String, Object> task;

        @SuppressWarnings("unchecked")
        String status() {
            return (String) ((Map<String, Object>) task.get("result")).get("status");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> outcome() {
            return (Map<String, Object>) ((Map<String, Object>) task.get("result")).get("result");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> errors() {
            return (Map<String, Object>) outcome().get("errors");
        }
    }

    /** Polls a task every 10 ms until it ends (10 s at most). */
    @SuppressWarnings("unchecked")
    static Polled await(TestClient client, Map<String, Object> started) {
        Polled polled = new Polled();
        String uuid = (String) started.get("uuid");
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            polled.task = json(client.get("api/2/task/" + uuid + "/"), 200);
            String status = (String) ((Map<String, Object>) polled.task.get("result")).get("status");
            if (polled.seen.isEmpty() || !polled.seen.get(polled.seen.size() - 1).equals(status)) {
                polled.seen.add(status);
            }
            if (status.equals("SUCCESS") || status.equals("FAILURE")) {
                return polled;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("task did not end: " + polled.task);
    }
}
