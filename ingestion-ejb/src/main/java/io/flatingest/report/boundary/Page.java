package io.flatingest.report.boundary;

import java.util.List;

/** A page of a longer list. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
