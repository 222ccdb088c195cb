/**
 * librsync's signature, delta and patch formats in plain Java, for the SDK's and the emulator's
 * delta transfers. No dependencies.
 */
module com.smartfile.delta {
    exports com.smartfile.delta;
}
