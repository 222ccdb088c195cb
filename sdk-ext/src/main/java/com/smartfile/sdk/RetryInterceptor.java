package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownServiceException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.smartfile.sdk.internal.SmartFileOperation;
import okhttp3.FormBody;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import retrofit2.Invocation;

/**
 * The SDK's one retry mechanism, an OkHttp <em>application</em> interceptor that follows a
 * {@link RetryPolicy}:
 * <ul>
 *   <li>a throttle reply ({@link Throttle#waitOf(Response)}) means the server declined the request
 *       without acting on it, so any method is re-sent after the requested wait, unless that wait
 *       is longer than {@link RetryPolicy#getMaxServerWait()};</li>
 *   <li>a 500, 502, 503 (without throttle signal) or 504 reply and a network failure re-send only
 *       idempotent requests: as {@link SmartFileOperation#idempotent()} says when the request came
 *       from a generated method, else GET, HEAD, PUT, DELETE and OPTIONS;</li>
 *   <li>a network failure <em>before or while the request was sent</em> (the connection was
 *       refused, or the body broke off while being written, as in an upload cut mid-body)
 *       re-sends any request, idempotent or not: the server never received the whole request, so
 *       it cannot have acted on it. A failure once it was written whole (the reply lost, a read
 *       timeout) re-sends only idempotent requests, as above;</li>
 *   <li>a request whose body is one-shot or duplex is never re-sent.</li>
 * </ul>
 * Attempts are counted in a {@link RetryBudget}: each request's own, or the one the request
 * carries as a tag, which the requests of one download share (its resumes included).
 *
 * <p>When attempts run out the last reply is returned as it is (a throttle reply then becomes a
 * {@link ThrottledException} in the error mapper), or the last failure is thrown, carrying a
 * suppressed {@link Outcome} that says how often it was tried and why it was not tried again.
 *
 * <p>It also turns off OkHttp's own silent re-sending after connection failures for the requests
 * it handles (OkHttp would otherwise re-send a POST whose pooled connection dropped), so that a
 * non-idempotent request is never sent twice behind the caller's back. That is why it must be
 * added with {@code addInterceptor}, not {@code addNetworkInterceptor}, and come before the
 * interceptors that add credentials, so each attempt is signed afresh.
 */
final class RetryInterceptor implements Interceptor {

    /** Made on the first retry: a client whose calls need none sets up no System.Logger (a cold JVM's start-up). */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("com.smartfile.sdk");
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Runnable evictIdle;

    RetryInterceptor(RetryPolicy policy, Runnable evictIdle) {
        this(policy, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble(), evictIdle);
    }

    RetryInterceptor(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
        this(policy, sleeper, random, () -> { });
    }

    RetryInterceptor(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random, Runnable evictIdle) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
        this.evictIdle = evictIdle;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Chain sending = chain.withRetryOnConnectionFailure(false);
        boolean replayable = isReplayable(request.body());
        boolean idempotent = isIdempotent(request);
        RetryBudget shared = request.tag(RetryBudget.class);
        RetryBudget budget = shared != null ? shared : new RetryBudget(policy.getMaxAttempts());
        int max = budget.maxAttempts();
        long timeoutNanos = chain.call().timeout().timeoutNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        boolean freshConnectionTried = false;
        if (budget.takeOwedWait()) {
            // A download resuming after its reply broke off: the next retry of the same budget.
            Duration wait = policy.backoff(budget.used(), random);
            log(request, "the reply broke off while read", budget.used(), max, wait);
            pause(wait, chain, request);
        }
        for (int attempt = budget.spend(); ; attempt = budget.spend()) {
            Response response;
            SendTracking tracked = SendTracking.of(request.body(), replayable);
            try {
                response = sending.proceed(tracked == null ? request
                        : request.newBuilder().method(request.method(), tracked).build());
            } catch (IOException e) {
                ReplyWatch.NoReply noReply = ReplyWatch.NoReply.of(e);
                String cannot = whyNotRetryable(e, chain);
                if (noReply != null && noReply.reused && !freshConnectionTried && replayable && cannot == null) {
                    // A pooled connection the server had given up on: the pool's failure, not the
                    // request's. Once per call, on a new connection, whatever the method.
                    freshConnectionTried = true;
                    evictIdle.run();
                    log(request, "a reused connection failed before any reply", attempt, max, Duration.ZERO);
                    budget.refund();
                    continue;
                }
                // Never received whole: no connection was made, the body broke off while being
                // written, or the server reset the connection before answering (TCP resets when
                // the receiving side closes with bytes of the request unread).
                boolean notReceived = e instanceof ConnectException || (tracked != null && tracked.writeFailed)
                        || (noReply != null && noReply.reset);
                Duration wait = policy.backoff(attempt, random);
                String stop = attempt >= max ? "the retry policy allows " + max + " attempt" + (max == 1 ? "" : "s")
                        : !replayable ? "its body can be sent only once"
                        : !idempotent && !notReceived ? request.method() + " is not idempotent and " + whatIsKnown(e, noReply)
                                + "; check before repeating it"
                        : cannot != null ? cannot
                        : outlasts(wait, timeoutNanos, deadline) ? "the call timeout leaves less time than the "
                                + wait.toMillis() + " ms wait before another attempt"
                        : null;
                if (stop != null) {
                    e.addSuppressed(new Outcome(attempt, stop));
                    throw e;
                }
                log(request, e.getClass().getSimpleName(), attempt, max, wait);
                pause(wait, chain, request);
                continue;
            }
            Optional<Duration> throttle = Throttle.waitOf(response);
            Duration wait;
            String reason;
            if (throttle.isPresent()) {
                wait = throttle.get();
                if (attempt >= max || !replayable || wait.compareTo(policy.getMaxServerWait()) > 0
                        || outlasts(wait, timeoutNanos, deadline)) {
                    return response;
                }
                reason = response.code() + " throttled";
            } else if (isRetryableStatus(response.code())) {
                wait = policy.backoff(attempt, random);
                if (attempt >= max || !replayable || !idempotent || outlasts(wait, timeoutNanos, deadline)) {
                    return response;
                }
                reason = String.valueOf(response.code());
            } else {
                return response;
            }
            if (chain.call().isCanceled()) {
                return response;
            }
            response.close();
            log(request, reason, attempt, max, wait);
            pause(wait, chain, request);
        }
    }

    /**
     * The attempts a failed request made and why it was not sent again, attached as a suppressed
     * exception to the failure the caller gets; {@link Invoker} puts its text into the message.
     */
    static final class Outcome extends IOException {

        private static final long serialVersionUID = 1L;

        Outcome(int attempts, String whyNotAgain) {
            super("It was tried " + (attempts == 1 ? "once" : attempts + " times") + " and not again: " + whyNotAgain + ".");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // a note, not a failure of its own
        }

        /**
         * The outcome attached to a failure or to one of its causes (OkHttp wraps the failure of a
         * call whose call timeout ran out), or null.
         */
        static @Nullable Outcome of(Throwable failure) {
            return suppressed(failure, Outcome.class);
        }
    }

    /**
     * Wraps a replayable body to learn whether writing it failed part-way, in which case the
     * server never received the whole request. Form bodies are not wrapped: they are small and
     * reach the socket only when OkHttp flushes after {@code writeTo} returned, so a failure is
     * never seen inside it (and the wire logger shows them field by field).
     */
    private static final class SendTracking extends ForwardingRequestBody {
        private volatile boolean writeFailed;

        private SendTracking(RequestBody delegate) {
            super(delegate);
        }

        static @Nullable SendTracking of(@Nullable RequestBody body, boolean replayable) {
            return body == null || !replayable || body instanceof FormBody ? null : new SendTracking(body);
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try {
                delegate.writeTo(sink);
            } catch (SmartFileIOException e) {
                throw e; // the body's own refusal (a file that changed size), not the connection
            } catch (IOException e) {
                writeFailed = true;
                throw e;
            }
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    /** The first note of this type suppressed by a failure or one of its causes, or null. */
    static <T extends Throwable> @Nullable T suppressed(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable s : t.getSuppressed()) {
                if (type.isInstance(s)) {
                    return type.cast(s);
                }
            }
        }
        return null;
    }

    /** Whether OkHttp can send this body again: no body, or one that is neither one-shot nor duplex. */
    static boolean isReplayable(RequestBody body) {
        return body == null || (!body.isOneShot() && !body.isDuplex());
    }

    /** Whether re-sending this request after a failure is safe, as the API description says. */
    static boolean isIdempotent(Request request) {
        Invocation invocation = request.tag(Invocation.class);
        if (invocation != null) {
            SmartFileOperation op = invocation.method().getAnnotation(SmartFileOperation.class);
            if (op != null) {
                return op.idempotent();
            }
        }
        switch (request.method().toUpperCase(Locale.ROOT)) {
            case "GET":
            case "HEAD":
            case "PUT":
            case "DELETE":
            case "OPTIONS":
                return true;
            default:
                return false;
        }
    }

    /** What the failure of a request sent in full says about whether the server got it. */
    private static String whatIsKnown(IOException e, ReplyWatch.@Nullable NoReply noReply) {
        if (e instanceof SocketTimeoutException) {
            return "it was sent in full and no reply came within the read timeout, so the server may have received it "
                    + "and acted on it";
        }
        if (noReply != null) {
            return "it was sent in full, then the connection closed before any byte of a reply, so whether the server "
                    + "received it and acted on it is unknown";
        }
        return "it was sent in full before the connection failed, so the server may have received it and acted on it";
    }

    /** Whether waiting {@code wait} would run past the call timeout (none when {@code timeoutNanos} is 0). */
    private static boolean outlasts(Duration wait, long timeoutNanos, long deadline) {
        return timeoutNanos > 0 && wait.toNanos() >= deadline - System.nanoTime();
    }

    private static boolean isRetryableStatus(int code) {
        return code == 500 || code == 502 || code == 503 || code == 504;
    }

    /**
     * Why another attempt cannot cure this failure (or the caller asked to stop), or null when
     * it may.
     */
    private static @Nullable String whyNotRetryable(IOException e, Chain chain) {
        if (e instanceof SmartFileIOException) {
            return "the request was refused before it was sent";
        }
        if (chain.call().isCanceled()) {
            return "the call was canceled (or its call timeout ran out)";
        }
        if (Thread.currentThread().isInterrupted()) {
            return "the thread was interrupted";
        }
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
            return "the call was interrupted or its call timeout ran out";
        }
        if ((e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException)
                || e instanceof SSLPeerUnverifiedException) {
            return "the server's certificate is not trusted";
        }
        if (e instanceof UnknownServiceException || e instanceof ProtocolException) {
            return "the server does not speak the protocol expected";
        }
        return null;
    }

    private void pause(Duration wait, Chain chain, Request request) throws IOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException ioe = new InterruptedIOException("interrupted while waiting to retry "
                    + request.method() + " " + Redaction.url(request.url()));
            ioe.initCause(e);
            throw ioe;
        }
        if (chain.call().isCanceled()) {
            throw new IOException("Canceled");
        }
    }

    private static void log(Request request, String reason, int attempt, int max, Duration wait) {
        Log.LOG.log(System.Logger.Level.DEBUG, () -> "retrying " + request.method() + " " + Redaction.url(request.url())
                + " after " + reason + " (attempt " + attempt + " of " + max + " failed); waiting "
                + wait.toMillis() + " ms");
    }
}
