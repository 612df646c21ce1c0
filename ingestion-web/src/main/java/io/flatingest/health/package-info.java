/** MicroProfile Health checks: ClickHouse reachability and the job repository. */
package io.flatingest.health;
