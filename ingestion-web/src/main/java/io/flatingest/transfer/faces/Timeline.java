package io.flatingest.transfer.faces;

import io.flatingest.report.boundary.TransferReportView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A transfer's history in order: submitted, each execution's start, steps and end (with why it failed). */
public final class Timeline {

    private Timeline() {
    }

    /** One moment of the history. */
    public record Event(Instant at, String what, String detail) {
    }

    static List<Event> of(TransferReportView r) {
        List<Event> events = new ArrayList<>();
        events.add(new Event(r.submitted(), "Submitted", r.submittedBy() == null ? "" : "by " + r.submittedBy()));
        for (TransferReportView.Execution e : r.executions()) {
            if (e.started() != null) {
                events.add(new Event(e.started(), "Execution " + e.executionId() + " started", ""));
            }
            for (TransferReportView.Step s : e.steps()) {
                if (s.ended() != null) {
                    events.add(new Event(s.ended(), "Step " + s.name() + " " + s.status().toLowerCase(),
                            s.read() + " read, " + s.written() + " written, " + s.skipped() + " skipped"));
                }
            }
            if (e.ended() != null) {
                events.add(new Event(e.ended(), "Execution " + e.executionId() + " " + e.status().toLowerCase(),
                        e.failure() == null ? (e.exitStatus() == null ? "" : e.exitStatus()) : e.failure()));
            }
        }
        events.sort(Comparator.comparing(Event::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return events;
    }
}
