package io.tidelog.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Every document path an expression reads or writes, in the order written: what the rules on key
 * attributes in expressions are checked against (see {@link KeyAttributeChecks}).
 */
public final class ExpressionPaths {
    private ExpressionPaths() {}

    public static List<Path> of(Condition condition) {
        List<Path> out = new ArrayList<>();
        collect(condition, out);
        return out;
    }

    /** The paths an update writes or removes, and those its {@code SET} values read. */
    public static List<Path> of(Update update) {
        List<Path> out = new ArrayList<>();
        for (UpdateAction a : update.actions()) {
            out.add(a.path());
            if (a instanceof UpdateAction.Set set) {
                collect(set.value(), out);
            }
        }
        return out;
    }

    public static List<Path> of(Projection projection) {
        return projection.paths();
    }

    private static void collect(Condition c, List<Path> out) {
        if (c instanceof Condition.Compare x) {
            collect(x.left(), out);
            collect(x.right(), out);
        } else if (c instanceof Condition.Between x) {
            collect(x.subject(), out);
            collect(x.low(), out);
            collect(x.high(), out);
        } else if (c instanceof Condition.In x) {
            collect(x.subject(), out);
            for (Operand o : x.candidates()) {
                collect(o, out);
            }
        } else if (c instanceof Condition.AttributeExists x) {
            out.add(x.path());
        } else if (c instanceof Condition.AttributeNotExists x) {
            out.add(x.path());
        } else if (c instanceof Condition.AttributeType x) {
            out.add(x.path());
            collect(x.type(), out);
        } else if (c instanceof Condition.BeginsWith x) {
            collect(x.subject(), out);
            collect(x.prefix(), out);
        } else if (c instanceof Condition.Contains x) {
            collect(x.subject(), out);
            collect(x.operand(), out);
        } else if (c instanceof Condition.And x) {
            collect(x.left(), out);
            collect(x.right(), out);
        } else if (c instanceof Condition.Or x) {
            collect(x.left(), out);
            collect(x.right(), out);
        } else if (c instanceof Condition.Not x) {
            collect(x.condition(), out);
        }
    }

    private static void collect(Operand o, List<Path> out) {
        if (o instanceof Operand.Attribute a) {
            out.add(a.path());
        } else if (o instanceof Operand.Size s) {
            collect(s.operand(), out);
        } else if (o instanceof Operand.IfNotExists f) {
            out.add(f.path());
            collect(f.fallback(), out);
        } else if (o instanceof Operand.ListAppend f) {
            collect(f.first(), out);
            collect(f.second(), out);
        } else if (o instanceof Operand.Arithmetic f) {
            collect(f.left(), out);
            collect(f.right(), out);
        }
    }
}
