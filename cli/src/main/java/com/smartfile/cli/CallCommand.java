package com.smartfile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.smartfile.sdk.FileReply;
import com.smartfile.sdk.SmartFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code call METHOD ENDPOINT [ID] [key=value ...]}: the raw escape hatch. */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = {"Call any API route. GET parameters go to the query string, others to a form body;",
            "key=@FILE sends that local file as a multipart part. A key may repeat.",
            "Example: smartfile call GET /path/info /Documents children=true"})
final class CallCommand implements Callable<Integer> {

    @ParentCommand
    SmartFileCommand root;

    @Parameters(index = "0", paramLabel = "METHOD", description = "GET, POST, PUT, PATCH or DELETE.")
    String method;

    @Parameters(index = "1", paramLabel = "ENDPOINT", description = "The route, e.g. /path/info.")
    String endpoint;

    @Parameters(index = "2..*", paramLabel = "[ID] [key=value...]",
            description = "An optional id (a path, name or number), then parameters.")
    List<String> rest = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where a non-JSON reply (a file) goes; default stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        String id = null;
        Map<String, Object> params = new LinkedHashMap<>();
        for (String arg : rest) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                if (id != null || !params.isEmpty()) {
                    throw new UsageException("'" + arg + "' is not key=value; only one ID may come, before the parameters.");
                }
                id = arg;
                continue;
            }
            String key = arg.substring(0, eq);
            String value = arg.substring(eq + 1);
            Object param = value;
            if (value.startsWith("@")) {
                Path file = Paths.get(value.substring(1));
                if (!Files.isRegularFile(file)) {
                    throw new UsageException("No such local file for " + key + ": " + file);
                }
                param = file;
            }
            add(params, key, param);
        }
        try (SmartFile client = root.client()) {
            Object reply = client.call(method, endpoint, id, params);
            if (reply instanceof FileReply) {
                try (FileReply file = (FileReply) reply; InputStream in = file.getInputStream()) {
                    if (output == null) {
                        in.transferTo(root.console.outStream());
                    } else {
                        try (OutputStream out = Files.newOutputStream(output)) {
                            in.transferTo(out);
                        }
                        if (!root.quiet) {
                            root.console.err().println("wrote " + Files.size(output) + " bytes to " + output);
                        }
                    }
                }
            } else if (reply != null) {
                Output.json(root.console.out(), reply);
            }
        }
        return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> params, String key, Object value) {
        Object old = params.get(key);
        if (old == null) {
            params.put(key, value);
        } else if (old instanceof List) {
            ((List<Object>) old).add(value);
        } else {
            List<Object> both = new ArrayList<>();
            both.add(old);
            both.add(value);
            params.put(key, both);
        }
    }
}
