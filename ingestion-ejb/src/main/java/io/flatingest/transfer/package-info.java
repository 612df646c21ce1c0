/**
 * Transfers: imports of flat files into ClickHouse and exports of ClickHouse data into flat files, run as
 * Jakarta Batch jobs. {@code boundary} is the one service every caller (REST, console, scheduler) uses;
 * {@code control} holds the machinery behind it, including the only access to {@code JobOperator}.
 */
package io.flatingest.transfer;
