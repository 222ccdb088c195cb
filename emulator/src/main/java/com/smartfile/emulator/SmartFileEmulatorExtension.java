package com.smartfile.emulator;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs one {@link SmartFileEmulator} per test class (shared by its
 * {@code @Nested} classes) and injects, into test and lifecycle methods and constructors:
 * <ul>
 *   <li>{@link EmulatorCredentials}: the base URL, Basic key/password and OAuth tokens;</li>
 *   <li>{@link URI}: the base URL;</li>
 *   <li>{@link SmartFileEmulator}: the emulator itself (root folder, …);</li>
 *   <li>{@link Faults}: its fault switches;</li>
 *   <li>{@code com.smartfile.sdk.SmartFile}: a ready client with the emulator's Basic credentials,
 *       closed after the test (when the SDK is on the test class path); when the emulator was
 *       configured with {@code https()}, it talks HTTPS and trusts the emulator's certificate.</li>
 * </ul>
 *
 * <pre>{@code
 * @ExtendWith(SmartFileEmulatorExtension.class)
 * class MyTest {
 *     @Test
 *     void lists(EmulatorCredentials emulator) { ... emulator.baseUrl() ... emulator.key() ... }
 * }
 *
 * // or, to configure the emulator:
 * @RegisterExtension
 * static SmartFileEmulatorExtension emulator =
 *         new SmartFileEmulatorExtension(b -> b.taskDuration(Duration.ZERO));
 * }</pre>
 *
 * <p>The system properties {@value #PROFILE_PROPERTY} (a {@link Profile} name) and
 * {@value #VARIANTS_PROPERTY} (comma-separated {@code key=value} {@link Variant}s) set the
 * variants of every emulator the extension starts, before the configuration given to the
 * constructor (which may set its own): so a whole suite runs against another profile with
 * {@code mvn verify -Dsmartfile.emulator.profile=strict-2013}, without changing a test.
 *
 * <p>State (files, faults, tasks, users…) carries over from test to test within a class; the
 * emulator stops after the class's last test and its temporary root is deleted then.
 *
 * <p>What can be injected is a table from type to a function of the running emulator
 * ({@code INJECTABLE}): a ready SDK client is one more entry there (plus an optional dependency
 * on the client module), without touching the lifecycle code.
 */
public final class SmartFileEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SmartFileEmulatorExtension.class);
    private static final String KEY = "emulator";

    /** The system property naming the {@link Profile} of the emulators started. */
    public static final String PROFILE_PROPERTY = "smartfile.emulator.profile";

    /** The system property listing {@link Variant}s ({@code key=value,key=value}) of the emulators started. */
    public static final String VARIANTS_PROPERTY = "smartfile.emulator.variants";

    /** Injectable types and how to get each from the running emulator. */
    private static final Map<Class<?>, Function<SmartFileEmulator, Object>> INJECTABLE = Map.of(
            SmartFileEmulator.class, emulator -> emulator,
            EmulatorCredentials.class, SmartFileEmulator::credentials,
            URI.class, emulator -> URI.create(emulator.baseUrl()),
            Faults.class, SmartFileEmulator::faults);

    private final Consumer<SmartFileEmulator.Builder> configuration;

    /** An extension whose emulators use the builder's defaults (used by {@code @ExtendWith}). */
    public SmartFileEmulatorExtension() {
        this(builder -> { });
    }

    /**
     * An extension whose emulators are configured by the caller (for {@code @RegisterExtension}).
     *
     * @param configuration adjusts each emulator's builder
     */
    public SmartFileEmulatorExtension(Consumer<SmartFileEmulator.Builder> configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /**
     * Starts the test class's emulator (a nested class reuses its enclosing class's one).
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context);
    }

    /**
     * Stops the emulator that this class started.
     *
     * @param context the class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        SmartFileEmulator emulator = context.getStore(NAMESPACE).remove(KEY, SmartFileEmulator.class);
        if (emulator != null) {
            emulator.close();
        }
    }

    /**
     * Tells whether a parameter is one of the injectable types.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return true when injectable
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return INJECTABLE.containsKey(type) || SdkClients.isClientType(type);
    }

    /**
     * Supplies a parameter from the test class's running emulator.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the value
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (SdkClients.isClientType(type)) {
            SdkClients.Made made = SdkClients.client(emulator(extensionContext));
            // Closed when the test (or, for a lifecycle method, the class) ends.
            extensionContext.getStore(NAMESPACE).put(new Object(), new ClosedAtEnd(made.closer()));
            return made.client();
        }
        Function<SmartFileEmulator, Object> supplier = INJECTABLE.get(type);
        if (supplier == null) {
            throw new ParameterResolutionException("cannot inject " + parameterContext.getParameter());
        }
        return supplier.apply(emulator(extensionContext));
    }

    /**
     * The running emulator of a test class, started on first use.
     *
     * @param context any context inside the class
     * @return the running emulator
     */
    private SmartFileEmulator emulator(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        SmartFileEmulator existing = store.get(KEY, SmartFileEmulator.class);
        if (existing != null) {
            return existing;
        }
        SmartFileEmulator.Builder builder = SmartFileEmulator.builder();
        fromSystemProperties(builder);
        configuration.accept(builder);
        SmartFileEmulator started = builder.build().start();
        store.put(KEY, started);
        return started;
    }

    /** Applies {@value #PROFILE_PROPERTY} and {@value #VARIANTS_PROPERTY}, when set. */
    static void fromSystemProperties(SmartFileEmulator.Builder builder) {
        String profile = System.getProperty(PROFILE_PROPERTY, "").trim();
        if (!profile.isEmpty()) {
            builder.profile(Profile.of(profile));
        }
        for (String pair : System.getProperty(VARIANTS_PROPERTY, "").split(",")) {
            if (!pair.isBlank()) {
                builder.variant(Variant.parse(pair.trim()));
            }
        }
    }

    /** Closes a value when its context ends, on JUnit versions before and after 5.13. */
    @SuppressWarnings("deprecation")
    private static final class ClosedAtEnd implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final AutoCloseable value;

        ClosedAtEnd(AutoCloseable value) {
            this.value = value;
        }

        @Override
        public void close() throws Exception {
            value.close();
        }
    }
}
