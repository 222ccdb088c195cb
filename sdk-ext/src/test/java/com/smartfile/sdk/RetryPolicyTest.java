package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaultsMatchTheOfficialClient() {
        RetryPolicy p = RetryPolicy.defaults();
        assertEquals(3, p.getMaxAttempts());
        assertEquals(Duration.ofMillis(500), p.getInitialBackoff());
        assertEquals(Duration.ofSeconds(20), p.getMaxBackoff());
        assertEquals(Duration.ofSeconds(60), p.getMaxServerWait());
        assertEquals("RetryPolicy{maxAttempts=3, initialBackoff=500ms, maxBackoff=20000ms, maxServerWait=60000ms}",
                p.toString());
    }

    @Test
    void noneSendsOnce() {
        assertEquals(1, RetryPolicy.none().getMaxAttempts());
    }

    @Test
    void builderCopiesAndCompares() {
        RetryPolicy custom = RetryPolicy.builder().maxAttempts(5).maxServerWait(Duration.ZERO).build();
        assertEquals(custom, custom.toBuilder().build());
        assertEquals(custom.hashCode(), custom.toBuilder().build().hashCode());
        assertNotEquals(RetryPolicy.defaults(), custom);
        assertEquals(RetryPolicy.defaults(), RetryPolicy.builder().build());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(InvalidInputException.class, () -> RetryPolicy.builder().maxAttempts(0));
        assertThrows(InvalidInputException.class, () -> RetryPolicy.builder().initialBackoff(null));
        assertThrows(InvalidInputException.class, () -> RetryPolicy.builder().maxBackoff(Duration.ofMillis(-1)));
        assertThrows(InvalidInputException.class, () -> RetryPolicy.builder().maxServerWait(Duration.ofDays(2)));
        assertThrows(InvalidInputException.class, () -> RetryPolicy.builder()
                .initialBackoff(Duration.ofSeconds(5)).maxBackoff(Duration.ofSeconds(1)).build());
    }

    @Test
    void backoffDoublesUpToTheCapWithFullJitter() {
        RetryPolicy p = RetryPolicy.defaults();
        assertEquals(Duration.ofMillis(500), p.backoff(1, () -> 1.0));
        assertEquals(Duration.ofMillis(1000), p.backoff(2, () -> 1.0));
        assertEquals(Duration.ofMillis(8000), p.backoff(5, () -> 1.0));
        assertEquals(Duration.ofSeconds(16), p.backoff(6, () -> 1.0));
        assertEquals(Duration.ofSeconds(20), p.backoff(7, () -> 1.0));
        assertEquals(Duration.ofSeconds(20), p.backoff(1000, () -> 1.0));
        assertEquals(Duration.ofMillis(250), p.backoff(1, () -> 0.5));
        assertEquals(Duration.ZERO, p.backoff(3, () -> 0.0));
    }
}
