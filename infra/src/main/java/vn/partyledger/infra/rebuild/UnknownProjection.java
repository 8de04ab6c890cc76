package vn.partyledger.infra.rebuild;

import java.util.Collection;

/** A rebuild asked of a name that is no rebuildable projection: answered 404. */
public class UnknownProjection extends RuntimeException {

    UnknownProjection(String name, Collection<String> known) {
        super("There is no projection " + name + " to rebuild; the projections are " + known + ".");
    }
}
