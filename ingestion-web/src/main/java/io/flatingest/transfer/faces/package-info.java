/**
 * Console pages about transfers: the dashboard, the jobs list, a job's page (report, chart, rejected rows, stop /
 * restart / abandon) and the export and import wizards. Every bean builds the same commands as the REST API and calls
 * the same boundaries ({@code TransferService}, {@code ReportService}).
 */
package io.flatingest.transfer.faces;
