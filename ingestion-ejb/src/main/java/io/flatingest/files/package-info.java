/**
 * Files in the landing directory: listing, streamed uploads with a size limit, deletion. Every name a user gives is
 * confined to the landing directory.
 */
package io.flatingest.files;
