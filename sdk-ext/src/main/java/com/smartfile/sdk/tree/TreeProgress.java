package com.smartfile.sdk.tree;

/**
 * Where a tree transfer stands: files and bytes done out of the plan's totals. Each byte is
 * counted once, as it crosses the connection (a retried or resumed file does not count twice).
 */
public final class TreeProgress {

    private final int filesDone;
    private final int filesTotal;
    private final long bytesDone;
    private final long bytesTotal;

    TreeProgress(int filesDone, int filesTotal, long bytesDone, long bytesTotal) {
        this.filesDone = filesDone;
        this.filesTotal = filesTotal;
        this.bytesDone = bytesDone;
        this.bytesTotal = bytesTotal;
    }

    /** {@return files finished, successfully or not} */
    public int getFilesDone() {
        return filesDone;
    }

    /** {@return files the plan transfers} */
    public int getFilesTotal() {
        return filesTotal;
    }

    /** {@return bytes moved so far} */
    public long getBytesDone() {
        return bytesDone;
    }

    /** {@return bytes the plan moves} */
    public long getBytesTotal() {
        return bytesTotal;
    }

    @Override
    public String toString() {
        return filesDone + "/" + filesTotal + " files, " + bytesDone + "/" + bytesTotal + " bytes";
    }
}
