package vn.partyledger.infra.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The database as one projection sees it: each collection it asks for by name is that name in a generation, the one
 * the supplier gives at the moment of each call. A projection keeps the collections it asked for in its constructor,
 * so the generation is looked up on every call of such a collection, not once: a switch-over then reaches every later
 * read and write of the projection with no change to its code. The names asked for are remembered, so a rebuild knows
 * which collections are the projection's.
 */
final class GenerationView {

    private GenerationView() {
    }

    /** A view whose collections follow {@code generation}; the names the projection asks for go to {@code names}. */
    static MongoDatabase of(MongoDatabase database, IntSupplier generation, Set<String> names) {
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[]{MongoDatabase.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getCollection")) {
                        String name = (String) arguments[0];
                        names.add(name);
                        Class<?> documents = arguments.length > 1 ? (Class<?>) arguments[1] : Document.class;
                        return collection(database, generation, name, documents);
                    }
                    return invoke(method, database, arguments);
                });
    }

    /** The name a projection's collection has in a generation: generation 0 keeps the name the projection gives. */
    static String name(String collection, int generation) {
        return generation == 0 ? collection : collection + "_g" + generation;
    }

    /** The collection in each generation is made once, on its first call: a call costs a map look-up more. */
    private static MongoCollection<?> collection(MongoDatabase database, IntSupplier generation, String name,
                                                 Class<?> documents) {
        Map<Integer, MongoCollection<?>> byGeneration = new ConcurrentHashMap<>();
        return (MongoCollection<?>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[]{MongoCollection.class}, (proxy, method, arguments) -> invoke(method,
                        byGeneration.computeIfAbsent(generation.getAsInt(),
                                current -> database.getCollection(name(name, current), documents)), arguments));
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
