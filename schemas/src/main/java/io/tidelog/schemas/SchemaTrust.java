package io.tidelog.schemas;

import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro refuses to instantiate classes it was not told to trust. This registers exactly the
 * generated classes of the log entry schema, once, on top of whatever the application trusts.
 */
public final class SchemaTrust {
    private SchemaTrust() {}

    private static boolean installed;

    public static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityValidator.Builder trusted = ClassSecurityValidator.builder();
        collect(LogEntry.getClassSchema(), new HashSet<>(), trusted);
        ClassSecurityValidator.setGlobal(
                ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), trusted.build()));
        installed = true;
    }

    private static void collect(Schema s, Set<String> seen, ClassSecurityValidator.Builder trusted) {
        switch (s.getType()) {
            case RECORD -> {
                if (seen.add(s.getFullName())) {
                    trusted.add(s.getFullName());
                    s.getFields().forEach(f -> collect(f.schema(), seen, trusted));
                }
            }
            case UNION -> s.getTypes().forEach(t -> collect(t, seen, trusted));
            case ARRAY -> collect(s.getElementType(), seen, trusted);
            case MAP -> collect(s.getValueType(), seen, trusted);
            default -> {
                // primitives need no trust
            }
        }
    }
}
