package vn.partyledger.infra.mongo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The key of a unique-index entry: the indexed fields' values, ordered by {@link KeyOrder} (so two keys the unique
 * index takes for one are one B-tree key), stored as their count and each value ({@link BsonValues}).
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        return KeyOrder.INSTANCE.compareSequences(a, b);
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 32;
        for (Object value : key) {
            size += 8 + BsonValues.estimate(value);
        }
        return size;
    }

    @Override
    public void write(WriteBuffer out, KeyValue key) {
        out.putVarInt(key.size());
        for (Object value : key) {
            BsonValues.writeValue(out, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer in) {
        int size = DataUtils.readVarInt(in);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(BsonValues.readValue(in));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
