/** REST resource of the landing directory: {@code /api/files}. */
package io.flatingest.files.rest;
