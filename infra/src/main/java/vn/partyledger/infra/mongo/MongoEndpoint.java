package vn.partyledger.infra.mongo;

/**
 * Where MongoDB is: the connection string the {@code MongoClient} was built from.
 *
 * @param connectionString a MongoDB connection string, used as given (it may carry credentials: never log it)
 * @param embedded         true when it points at the in-process {@link EmbeddedMongoServer}
 */
public record MongoEndpoint(String connectionString, boolean embedded) {

    @Override
    public String toString() {
        return embedded ? "MongoEndpoint[" + connectionString + ", embedded]" : "MongoEndpoint[external]";
    }
}
