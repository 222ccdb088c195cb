package com.smartfile.sdk;

import java.util.ArrayList;
import java.util.List;

import com.smartfile.sdk.internal.PathsApi;
import com.smartfile.sdk.model.PathInfo;

/**
 * {@code mkdir -p} for {@link UploadOptions.Builder#createFolders}: creates a folder and its
 * missing parents before an upload into it, looking from the folder upwards.
 */
final class ParentFolders {

    private final PathsApi v2;
    private final Invoker invoker;

    ParentFolders(PathsApi v2, Invoker invoker) {
        this.v2 = v2;
        this.invoker = invoker;
    }

    /** Creates {@code folder} (a normalised absolute path) and its missing parents. */
    void ensure(String folder) {
        List<String> missing = new ArrayList<>();
        for (String dir = folder; !dir.equals("/"); dir = parentOf(dir)) {
            PathInfo info;
            try {
                info = invoker.sync(v2.getPathInfo(PathIds.v2(dir), null, null, null, null));
            } catch (NotFoundException e) {
                missing.add(0, dir);
                continue;
            }
            checkIsFolder(dir, info);
            break;
        }
        for (String dir : missing) {
            try {
                invoker.sync(v2.makeDirectory(dir));
            } catch (ApiException e) {
                // Someone else may have created it meanwhile; anything else is the real failure.
                PathInfo info;
                try {
                    info = invoker.sync(v2.getPathInfo(PathIds.v2(dir), null, null, null, null));
                } catch (ApiException again) {
                    throw e;
                }
                checkIsFolder(dir, info);
            }
        }
    }

    private static void checkIsFolder(String dir, PathInfo info) {
        if (!info.isDirectory()) {
            throw new InvalidInputException(dir + " is a file, not a folder; choose another target folder.");
        }
    }

    /** The folder a normalised absolute path is in ({@code /} for the root and its children). */
    static String parentOf(String absolutePath) {
        int slash = absolutePath.lastIndexOf('/');
        return slash <= 0 ? "/" : absolutePath.substring(0, slash);
    }
}
