/** Persistent state of transfers kept in the application database: the import ledger and publication journal. */
package io.flatingest.transfer.entity;
