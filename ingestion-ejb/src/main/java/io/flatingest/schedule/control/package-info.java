/** Schedule math (cron, intervals), the claim ledger, the landing-directory scan and the firing of due schedules. */
package io.flatingest.schedule.control;
