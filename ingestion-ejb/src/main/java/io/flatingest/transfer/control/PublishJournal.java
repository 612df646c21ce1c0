package io.flatingest.transfer.control;

import java.util.Optional;

/**
 * Durable record of an import's publication steps. Each mark must be durable when the method returns: a step is
 * marked "sent" (with the query id it is sent under) before its statement goes to ClickHouse, so that a restart
 * after a crash knows which statement may have run.
 */
public interface PublishJournal {

    /** Whether any step was recorded (publication has begun); steps named {@code meta:…} are notes, not steps. */
    boolean started();

    /** Whether the step is done. */
    boolean isDone(String step);

    /** The query id a step was sent under, when it was sent but is not known to be done. */
    Optional<String> sentQuery(String step);

    /** Records that the step's statement is about to be sent under this query id. */
    void markSent(String step, String queryId);

    /** Records that the step is done. */
    void markDone(String step);
}
