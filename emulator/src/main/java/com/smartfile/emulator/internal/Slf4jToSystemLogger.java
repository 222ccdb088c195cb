package com.smartfile.emulator.internal;

import java.lang.System.Logger.Level;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Where the emulator's Jetty logs go (internal: not an API). Jetty logs through SLF4J. When the class path has an SLF4J provider
 * (Logback, Log4j, slf4j-simple…), that provider gets them, as the application configured it. When
 * it has none, SLF4J would print a three-line warning on stderr and drop everything; instead,
 * {@link #route()} names this class's provider (the {@code slf4j.provider} system property, set only
 * when unset and no provider exists, with {@code slf4j.internal.verbosity=WARN} unless set, so that
 * SLF4J does not announce it) so that Jetty's logs go to {@link System.Logger}, where the
 * emulator's and the SDK's own logs go (java.util.logging unless the application says otherwise).
 * Only warnings and errors are passed on: Jetty's DEBUG and TRACE lines carry request headers
 * ({@code Authorization} among them) and its INFO lines are start/stop chatter (the emulator says
 * itself where it listens). In what is passed on, query strings (OAuth signatures may travel
 * there) and exchange tokens are masked, as the emulator's own logs never show them.
 *
 * <p>The provider is deliberately not registered as a service: it is never found next to a real one.
 */
public final class Slf4jToSystemLogger implements SLF4JServiceProvider {

    private static final String PROPERTY = "slf4j.provider";
    private static final String VERBOSITY = "slf4j.internal.verbosity";

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ConcurrentMap<String, org.slf4j.Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, ToSystemLogger::new);

    /** Created by SLF4J when {@link #route()} named it. */
    public Slf4jToSystemLogger() {
    }

    /**
     * Names this provider to SLF4J when no other provider is on the class path and none was named.
     * Called before the first Jetty class logs.
     */
    public static synchronized void route() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        boolean provided = ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
                .stream().findAny().isPresent();
        if (!provided) {
            System.setProperty(PROPERTY, Slf4jToSystemLogger.class.getName());
            if (System.getProperty(VERBOSITY) == null) {
                // SLF4J would announce the named provider on stderr at its INFO level
                System.setProperty(VERBOSITY, "WARN");
            }
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up
    }

    private static final java.util.regex.Pattern QUERY = java.util.regex.Pattern.compile("\\?[^\\s{}\\]\\[,]*");
    private static final java.util.regex.Pattern EXCHANGE = java.util.regex.Pattern.compile("/exchange/[^/\\s{}]+");

    /** Masks query strings and exchange tokens in a Jetty message. */
    static String mask(String message) {
        if (message == null) {
            return null;
        }
        return EXCHANGE.matcher(QUERY.matcher(message).replaceAll("?***")).replaceAll("/exchange/***");
    }

    /** An SLF4J logger that hands warnings and errors to the {@link System.Logger} of the same name. */
    private static final class ToSystemLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        private final transient System.Logger target;

        ToSystemLogger(String name) {
            this.name = name;
            this.target = System.getLogger(name);
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return target.isLoggable(Level.WARNING);
        }

        @Override
        public boolean isErrorEnabled() {
            return target.isLoggable(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String pattern,
                Object[] arguments, Throwable thrown) {
            Level l;
            if (level == org.slf4j.event.Level.ERROR) {
                l = Level.ERROR;
            } else if (level == org.slf4j.event.Level.WARN) {
                l = Level.WARNING;
            } else {
                return;
            }
            String message = mask(MessageFormatter.basicArrayFormat(pattern, arguments));
            if (thrown == null) {
                target.log(l, message);
            } else {
                target.log(l, message, thrown);
            }
        }
    }
}
