package com.smartfile.emulator;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/** Guesses a file's MIME type from its name, as the API reports it in {@code mime} and on download. */
final class MimeTypes {

    /** The MIME type the API gives folders. */
    static final String DIRECTORY = "application/x-directory";
    /** The fallback for unknown extensions. */
    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("tar", "application/x-tar"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("webp", "image/webp"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("mov", "video/quicktime"));

    private MimeTypes() {
    }

    /**
     * Returns a file name's extension without the dot, or {@code ""}.
     *
     * @param name the file name
     * @return the extension
     */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
    }

    /**
     * Guesses the MIME type of a file name.
     *
     * @param name the file name
     * @return the MIME type, {@code application/octet-stream} when unknown
     */
    static String guess(String name) {
        String known = KNOWN.get(extension(name).toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        String jdk = URLConnection.getFileNameMap().getContentTypeFor(name);
        return jdk == null ? OCTET_STREAM : jdk;
    }
}
