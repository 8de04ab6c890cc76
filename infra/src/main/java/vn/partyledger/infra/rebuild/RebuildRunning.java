package vn.partyledger.infra.rebuild;

/** A rebuild asked of a projection whose rebuild is still running: answered 409, the running one goes on. */
public class RebuildRunning extends RuntimeException {

    RebuildRunning(String name) {
        super("The " + name + " projection is being rebuilt already; follow its progress at "
                + "GET /api/v1/admin/projections/" + name + "/rebuild and ask again once it has ended.");
    }
}
