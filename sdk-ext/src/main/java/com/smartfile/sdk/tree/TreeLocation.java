package com.smartfile.sdk.tree;

import org.jspecify.annotations.Nullable;
import java.nio.file.Path;
import java.util.Objects;

import com.smartfile.sdk.InvalidInputException;

/**
 * One side of a tree transfer: a local folder or a SmartFile folder.
 *
 * <pre>{@code
 * TreeLocation.local(Paths.get("photos"));
 * TreeLocation.remote("/inbox/photos");
 * }</pre>
 */
public final class TreeLocation {

    private final @Nullable Path local;
    private final @Nullable String remote;

    private TreeLocation(@Nullable Path local, @Nullable String remote) {
        this.local = local;
        this.remote = remote;
    }

    /**
     * A local folder.
     *
     * @param folder the folder; for a destination it is created if missing
     * @return the location
     */
    public static TreeLocation local(Path folder) {
        if (folder == null) {
            throw new InvalidInputException("The local folder must not be null.");
        }
        return new TreeLocation(folder.toAbsolutePath().normalize(), null);
    }

    /**
     * A SmartFile folder.
     *
     * @param folder an absolute SmartFile path such as {@code /inbox}; {@code /} is the root
     * @return the location
     */
    public static TreeLocation remote(String folder) {
        if (folder == null || folder.trim().isEmpty()) {
            throw new InvalidInputException("The SmartFile folder must not be empty; use / for the root.");
        }
        String f = folder.startsWith("/") ? folder : "/" + folder;
        while (f.length() > 1 && f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        return new TreeLocation(null, f);
    }

    /**
     * Whether this is a local folder.
     *
     * @return true for a local folder, false for a SmartFile one
     */
    public boolean isLocal() {
        return local != null;
    }

    /**
     * The local folder.
     *
     * @return the absolute, normalised folder, or null for a SmartFile location
     */
    public @Nullable Path getLocalPath() {
        return local;
    }

    /** The local folder of a location known to be local. */
    Path localFolder() {
        if (local == null) {
            throw new IllegalStateException(this + " is not a local folder");
        }
        return local;
    }

    /**
     * The SmartFile folder.
     *
     * @return the path (leading {@code /}, no trailing one), or null for a local location
     */
    public @Nullable String getRemotePath() {
        return remote;
    }

    /** The SmartFile folder of a location known to be remote. */
    String remoteFolder() {
        if (remote == null) {
            throw new IllegalStateException(this + " is not a SmartFile folder");
        }
        return remote;
    }

    /** The path of an entry below this folder, from its {@code /}-separated relative path. */
    String remoteChild(String relative) {
        String remote = remoteFolder();
        if (relative.isEmpty()) {
            return remote;
        }
        return remote.equals("/") ? "/" + relative : remote + "/" + relative;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeLocation && Objects.equals(local, ((TreeLocation) o).local)
                && Objects.equals(remote, ((TreeLocation) o).remote);
    }

    @Override
    public int hashCode() {
        return Objects.hash(local, remote);
    }

    /** {@code sf:/path} for SmartFile, the local path otherwise. */
    @Override
    public String toString() {
        return local != null ? local.toString() : "sf:" + remote;
    }
}
