package vn.partyledger.infra.mongo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The order of the store's B-tree keys (document ids and unique-index key values), on the values themselves: a
 * binary search never serializes anything.
 *
 * <p>Two keys compare equal exactly when mongo-java-server's unique index takes them for the same key: it looks keys
 * up normalized ({@code Utils.normalizeValue}: every number a {@code Double}, a {@code long} too big for one exactly
 * kept as it is, {@code -0.0} as {@code 0.0}, null and missing alike) and compares them with {@code equals}, as the
 * memory backend's hash map does. So numbers compare by value whatever their Java type (1, 1L and 1.0 are one key),
 * null and missing are one key, documents compare field by field in their order (as {@code Document.equals}), arrays
 * element by element. Types otherwise rank roughly as MongoDB sorts them; the order between types only has to be
 * total, nothing reads an index in key order.
 */
final class KeyOrder implements Comparator<Object> {

    static final KeyOrder INSTANCE = new KeyOrder();
    /** The largest magnitude up to which every integer is a double. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private KeyOrder() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        // the ids of the read models and of the log's commits, first: a B-tree search compares a key at every step
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        int rank = Integer.compare(rank(a), rank(b));
        if (rank != 0) {
            return rank;
        }
        if (a instanceof Number x) {
            return compareNumbers(x, (Number) b);
        }
        if (a instanceof Map<?, ?> x) {
            return compareDocuments(x, (Map<?, ?>) b);
        }
        if (a instanceof Collection<?> x) {
            return compareSequences(x, (Collection<?>) b);
        }
        if (a instanceof BsonRegularExpression x) {
            BsonRegularExpression y = (BsonRegularExpression) b;
            int pattern = x.getPattern().compareTo(y.getPattern());
            return pattern != 0 ? pattern : String.valueOf(x.getOptions()).compareTo(String.valueOf(y.getOptions()));
        }
        if (a instanceof BsonJavaScript x) {
            return x.getCode().compareTo(((BsonJavaScript) b).getCode());
        }
        if (a instanceof Comparable<?>) {
            // every other rank holds one class, whose own order agrees with its equals
            @SuppressWarnings("unchecked")
            Comparable<Object> x = (Comparable<Object>) a;
            return x.compareTo(b);
        }
        return 0; // MinKey, MaxKey, null and missing: one value each
    }

    /** Compares element by element, a shorter sequence first when it is a prefix of the other. */
    int compareSequences(Iterable<?> a, Iterable<?> b) {
        Iterator<?> x = a.iterator();
        Iterator<?> y = b.iterator();
        while (x.hasNext() && y.hasNext()) {
            int cmp = compare(x.next(), y.next());
            if (cmp != 0) {
                return cmp;
            }
        }
        return Boolean.compare(x.hasNext(), y.hasNext());
    }

    private int compareDocuments(Map<?, ?> a, Map<?, ?> b) {
        Iterator<? extends Map.Entry<?, ?>> x = a.entrySet().iterator();
        Iterator<? extends Map.Entry<?, ?>> y = b.entrySet().iterator();
        while (x.hasNext() && y.hasNext()) {
            Map.Entry<?, ?> ex = x.next();
            Map.Entry<?, ?> ey = y.next();
            int cmp = ((String) ex.getKey()).compareTo((String) ey.getKey());
            if (cmp == 0) {
                cmp = compare(ex.getValue(), ey.getValue());
            }
            if (cmp != 0) {
                return cmp;
            }
        }
        return Boolean.compare(x.hasNext(), y.hasNext());
    }

    /** By value, exactly (a long beyond 2^53 against a double too); NaN equals NaN and comes first, as in MongoDB. */
    private static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (isExactDouble(a) && isExactDouble(b)) {
            return compareDoubles(a.doubleValue(), b.doubleValue());
        }
        BigDecimal x = exact(a);
        BigDecimal y = exact(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return compareDoubles(a.doubleValue(), b.doubleValue()); // NaN or an infinity on one side at least
    }

    private static int compareDoubles(double a, double b) {
        if (a == b) {
            return 0; // -0.0 and 0.0 too
        }
        boolean aNaN = Double.isNaN(a);
        boolean bNaN = Double.isNaN(b);
        if (aNaN || bNaN) {
            return Boolean.compare(bNaN, aNaN);
        }
        return a < b ? -1 : 1;
    }

    /**
     * A double, or an integer a double holds exactly: a query's id is normalized to a double by the server and compared
     * with the stored long ids of the log's commits at each step of a B-tree search (ADR 0063).
     */
    private static boolean isExactDouble(Number n) {
        return n instanceof Double
                || isIntegral(n) && n.longValue() >= -EXACT_IN_DOUBLE && n.longValue() <= EXACT_IN_DOUBLE;
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    /** The exact value, or null for NaN and the infinities. */
    private static BigDecimal exact(Number n) {
        if (isIntegral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof Decimal128 d) {
            double approximate = d.doubleValue();
            return Double.isNaN(approximate) || Double.isInfinite(approximate) ? null : d.toBigDecimal();
        }
        double d = n.doubleValue();
        return Double.isNaN(d) || Double.isInfinite(d) ? null : new BigDecimal(d);
    }

    /** Roughly MongoDB's order of types; a type nothing stores is refused rather than ordered arbitrarily. */
    private static int rank(Object value) {
        if (value instanceof MinKey) {
            return 0;
        }
        if (value == null || value instanceof Missing) {
            return 1;
        }
        if (value instanceof Number) {
            return 2;
        }
        if (value instanceof String) {
            return 3;
        }
        if (value instanceof Map) {
            return 4;
        }
        if (value instanceof Collection) {
            return 5;
        }
        if (value instanceof BinData) {
            return 6;
        }
        if (value instanceof UUID) {
            return 7;
        }
        if (value instanceof LegacyUUID) {
            return 8;
        }
        if (value instanceof ObjectId) {
            return 9;
        }
        if (value instanceof Boolean) {
            return 10;
        }
        if (value instanceof Instant) {
            return 11;
        }
        if (value instanceof BsonTimestamp) {
            return 12;
        }
        if (value instanceof BsonRegularExpression) {
            return 13;
        }
        if (value instanceof BsonJavaScript) {
            return 14;
        }
        if (value instanceof MaxKey) {
            return 15;
        }
        throw new IllegalArgumentException("Cannot order a key of type " + value.getClass().getName());
    }
}
