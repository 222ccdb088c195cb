/**
 * A local emulator of the SmartFile REST API, for running the SDK, the CLI and tests offline.
 *
 * <p>Public API: {@link com.smartfile.emulator.SmartFileEmulator} (and its builder),
 * {@link com.smartfile.emulator.EmulatorCredentials}, {@link com.smartfile.emulator.Faults},
 * {@link com.smartfile.emulator.SmartFileEmulatorExtension} (JUnit 5) and
 * {@link com.smartfile.emulator.Main} (command line). Everything else is package-private: one
 * class per concern - {@code Dispatcher} and {@code Router} (routing), {@code Authenticator},
 * {@code OAuthSignature}, {@code OAuthTokens}, {@code Sessions} (auth), {@code PathGuard} (path
 * safety), {@code FileStore} and {@code FileOperations} (storage), {@code MultipartParser},
 * {@code Downloads} and {@code ByteRange} (transfers), {@code TaskManager} (tasks),
 * {@code Paging}, {@code JsonReplies} and {@code ApiException} (replies), {@code AccountStore}
 * (in-memory administration objects) and one {@code *Routes} class per group of endpoints.
 * Replies are built from the generated models of {@code com.smartfile.sdk.model}.
 */
package com.smartfile.emulator;
