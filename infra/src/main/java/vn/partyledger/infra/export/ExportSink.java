package vn.partyledger.infra.export;

import java.io.IOException;

/** Where an export goes as it is read, event by event: the JSON Lines file or the HTML summary. */
public interface ExportSink {

    void start(ExportHeader header) throws IOException;

    void event(ExportedEvent event) throws IOException;

    /**
     * @param events        the events written
     * @param notYetCovered the scope's events appended after the checkpoint, left out: they are proved once the next
     *                      checkpoint is recorded
     */
    void end(long events, long notYetCovered) throws IOException;
}
