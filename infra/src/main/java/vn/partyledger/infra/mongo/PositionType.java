package vn.partyledger.infra.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A document's position in its collection, which is its id (or missing when the id is null): the key of the data map,
 * ordered by {@link KeyOrder}, and the value of a unique-index entry. One BSON value ({@link BsonValues}).
 */
final class PositionType extends BasicDataType<Object> {

    static final PositionType INSTANCE = new PositionType();

    private PositionType() {
    }

    @Override
    public int compare(Object a, Object b) {
        return KeyOrder.INSTANCE.compare(a, b);
    }

    @Override
    public int getMemory(Object position) {
        return BsonValues.estimate(position);
    }

    @Override
    public void write(WriteBuffer out, Object position) {
        BsonValues.writeValue(out, position);
    }

    @Override
    public Object read(ByteBuffer in) {
        return BsonValues.readValue(in);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
