package com.smartfile.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;

import com.smartfile.sdk.model.PathInfo;
import com.smartfile.sdk.ApiJson;

/** How results are printed: human tables, or JSON with {@code --json}. */
final class Output {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        out.println(ApiJson.writeIndented(value));
    }

    /** One line of a listing: type, size, time, name. */
    static String row(PathInfo p) {
        boolean dir = p.isDirectory();
        String size = dir ? "-" : human(p.getSize() == null ? 0 : p.getSize());
        String time = p.getTime() == null ? "" : p.getTime().format(TIME);
        String name = p.getName() != null && !p.getName().isEmpty() ? p.getName() : String.valueOf(p.getPath());
        return String.format("%s %9s  %-16s  %s%s", dir ? "d" : "-", size, time, name, dir ? "/" : "");
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String units = "KMGTPE";
        int i = (int) (Math.log(bytes) / Math.log(1024));
        return String.format("%.1f %siB", bytes / Math.pow(1024, i), units.charAt(i - 1));
    }
}
