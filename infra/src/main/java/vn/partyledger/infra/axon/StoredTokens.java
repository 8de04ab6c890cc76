package vn.partyledger.infra.axon;

import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.HashMap;
import java.util.Map;

/**
 * The tokens of a processor as the token store holds them, every segment's, whichever node has claimed it: read
 * straight from Axon's token collection, because {@code TokenStore#fetchToken} claims the segment it reads. A token is
 * stored once its batch's documents are written, so a stored position is one the projection has reached on whatever
 * node holds the segment.
 */
public class StoredTokens {

    private final MongoTemplate axonMongoTemplate;
    private final Serializer serializer;

    public StoredTokens(MongoTemplate axonMongoTemplate, Serializer serializer) {
        this.axonMongoTemplate = axonMongoTemplate;
        this.serializer = serializer;
    }

    /** Each segment's stored position, -1 for a segment whose token has read nothing yet. */
    public Map<Integer, Long> positions(String processorName) {
        Map<Integer, Long> positions = new HashMap<>();
        for (Document entry : axonMongoTemplate.trackingTokensCollection()
                .find(Filters.eq("processorName", processorName))) {
            positions.put(entry.getInteger("segment"), position(entry));
        }
        return positions;
    }

    /**
     * The sum of the stored positions of the processor's segments not claimed by {@code nodeId}: it grows whenever one
     * of them stores further.
     */
    public long progressElsewhere(String processorName, String nodeId) {
        long sum = 0;
        for (Document entry : axonMongoTemplate.trackingTokensCollection()
                .find(Filters.eq("processorName", processorName))) {
            if (!nodeId.equals(entry.getString("owner"))) {
                sum += position(entry);
            }
        }
        return sum;
    }

    /** How many segments the processor has, whichever node holds them; 0 before it has set them up. */
    public int segments(String processorName) {
        return (int) axonMongoTemplate.trackingTokensCollection().countDocuments(Filters.eq("processorName",
                processorName));
    }

    private long position(Document entry) {
        Object stored = entry.get("token");
        if (stored == null) {
            return -1;
        }
        byte[] bytes = stored instanceof Binary binary ? binary.getData() : (byte[]) stored;
        SerializedType type = new SimpleSerializedType(entry.getString("tokenType"), null);
        TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type));
        return token == null ? -1 : token.position().orElse(-1);
    }
}
