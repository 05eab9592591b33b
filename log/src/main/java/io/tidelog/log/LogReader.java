package io.tidelog.log;

import java.util.Iterator;

/** A forward iterator over stored entries; close it to release its file handles. */
public interface LogReader extends Iterator<StoredEntry>, AutoCloseable {
    @Override
    void close();
}
