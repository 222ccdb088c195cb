package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.util.Objects;

/**
 * The four SmartFile rights on a path, for links and access rules: list, read, write, remove.
 * Immutable; a right left {@code null} is not sent, so the server keeps (or defaults) it.
 */
public final class AccessRights {

    private final @Nullable Boolean list;
    private final @Nullable Boolean read;
    private final @Nullable Boolean write;
    private final @Nullable Boolean remove;

    private AccessRights(@Nullable Boolean list, @Nullable Boolean read, @Nullable Boolean write, @Nullable Boolean remove) {
        this.list = list;
        this.read = read;
        this.write = write;
        this.remove = remove;
    }

    /**
     * Rights with each one set explicitly.
     *
     * @param list may list folder contents
     * @param read may read (download)
     * @param write may write (upload)
     * @param remove may delete
     * @return the rights
     */
    public static AccessRights of(boolean list, boolean read, boolean write, boolean remove) {
        return new AccessRights(list, read, write, remove);
    }

    /**
     * List and read only.
     *
     * @return read-only rights
     */
    public static AccessRights readOnly() {
        return of(true, true, false, false);
    }

    /**
     * All four rights.
     *
     * @return full rights
     */
    public static AccessRights full() {
        return of(true, true, true, true);
    }

    /**
     * No right given; the server's defaults apply.
     *
     * @return unset rights
     */
    public static AccessRights unset() {
        return new AccessRights(null, null, null, null);
    }

    /**
     * The list right.
     *
     * @return the right, or null when unset
     */
    public @Nullable Boolean getList() {
        return list;
    }

    /**
     * The read right.
     *
     * @return the right, or null when unset
     */
    public @Nullable Boolean getRead() {
        return read;
    }

    /**
     * The write right.
     *
     * @return the right, or null when unset
     */
    public @Nullable Boolean getWrite() {
        return write;
    }

    /**
     * The remove right.
     *
     * @return the right, or null when unset
     */
    public @Nullable Boolean getRemove() {
        return remove;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AccessRights)) {
            return false;
        }
        AccessRights that = (AccessRights) o;
        return Objects.equals(list, that.list) && Objects.equals(read, that.read)
                && Objects.equals(write, that.write) && Objects.equals(remove, that.remove);
    }

    @Override
    public int hashCode() {
        return Objects.hash(list, read, write, remove);
    }

    @Override
    public String toString() {
        return "AccessRights{list=" + list + ", read=" + read + ", write=" + write + ", remove=" + remove + "}";
    }
}
