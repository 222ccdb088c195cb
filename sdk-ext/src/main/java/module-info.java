/**
 * The SmartFile Java SDK: the {@link com.smartfile.sdk.SmartFile} client, its services, transfers
 * and errors ({@code com.smartfile.sdk}) and the API's models ({@code com.smartfile.sdk.model}).
 * An application needs {@code requires com.smartfile.sdk;} and nothing else of ours; OkHttp comes
 * along, as {@code SmartFile.Builder.httpClient} takes an {@code OkHttpClient}.
 */
module com.smartfile.sdk {
    exports com.smartfile.sdk;
    exports com.smartfile.sdk.model;
    exports com.smartfile.sdk.tree;

    // In public signatures: SmartFile.Builder.httpClient(OkHttpClient).
    requires transitive okhttp3;
    // The nullness annotations of the models' API.
    requires transitive org.jspecify;
    // The wire layer, all behind com.smartfile.sdk.internal (not exported).
    requires retrofit2;
    requires retrofit2.converter.moshi;
    requires retrofit2.converter.scalars;
    requires com.squareup.moshi;
    requires okio;
    // librsync deltas for paths().syncUpload/syncDownload (none of its types is in our API).
    requires com.smartfile.delta;
    // System.Logger lives in java.base; @Generated on generated sources is compile-time only.
    requires static java.compiler;

    // Moshi reads and writes the models' private fields.
    opens com.smartfile.sdk.model to com.squareup.moshi;
    opens com.smartfile.sdk.internal to com.squareup.moshi;
}
