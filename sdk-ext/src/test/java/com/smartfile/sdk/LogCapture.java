package com.smartfile.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records everything a java.util.logging logger (the default backend of System.Logger) receives,
 * at every level, until closed; closing restores the logger as it was.
 */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level before;
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        this.before = logger.getLevel();
        logger.addHandler(handler);
        logger.setLevel(Level.ALL);
    }

    static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** The messages so far, in order. */
    List<String> messages() {
        synchronized (records) {
            List<String> out = new ArrayList<>();
            for (LogRecord r : records) {
                out.add(String.valueOf(r.getMessage()));
            }
            return out;
        }
    }

    /** The records so far, in order. */
    List<LogRecord> records() {
        synchronized (records) {
            return new ArrayList<>(records);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(before);
    }
}
